using OpenTelemetry;

namespace Vigil.Tests.Support;

/// <summary>An exporter that holds the export thread until released: a destination that has stopped answering.</summary>
internal sealed class BlockingExporter<T> : BaseExporter<T>
    where T : class
{
    private readonly ManualResetEventSlim _release = new();
    private long _exported;

    public long Exported => Interlocked.Read(ref _exported);

    public void Release() => _release.Set();

    public override ExportResult Export(in Batch<T> batch)
    {
        _release.Wait(TimeSpan.FromSeconds(30));
        Interlocked.Add(ref _exported, batch.Count);
        return ExportResult.Success;
    }

    protected override void Dispose(bool disposing)
    {
        _release.Set();
        base.Dispose(disposing);
    }
}
