using OpenTelemetry;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// The exporter every OpenTelemetry-based pipeline in these benchmarks shares: it drops each batch,
/// so a row measures the pipeline, not a network. It counts what reached it, to show nothing was lost.
/// </summary>
internal sealed class NoopExporter<T> : BaseExporter<T>
    where T : class
{
    private long _exported;

    public long Exported => Volatile.Read(ref _exported);

    public override ExportResult Export(in Batch<T> batch)
    {
        Interlocked.Add(ref _exported, batch.Count);
        return ExportResult.Success;
    }
}
