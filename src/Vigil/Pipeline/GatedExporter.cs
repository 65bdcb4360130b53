using System.Reflection;
using OpenTelemetry;
using Vigil.Internal;

namespace Vigil.Pipeline;

/// <summary>
/// Wraps a sink's exporter so that each batch it finishes is handed back to the sink's
/// <see cref="ExportQueueGate"/>, and so that an exporter that throws is reported, not propagated.
/// </summary>
internal sealed class GatedExporter<T> : BaseExporter<T>
    where T : class
{
    // OpenTelemetry sets ParentProvider (which carries the Resource the OTLP exporters send) only on
    // the exporter its processor holds, through an internal setter. We hold the real exporter, so we
    // pass the provider on once it is known. Looked up once; a test asserts the resource arrives.
    private static readonly MethodInfo? s_setParentProvider =
        typeof(BaseExporter<T>).GetProperty(nameof(ParentProvider))?.GetSetMethod(nonPublic: true);

    private readonly BaseExporter<T> _inner;
    private readonly ExportQueueGate _gate;
    private bool _parentPassedOn;

    public GatedExporter(BaseExporter<T> inner, ExportQueueGate gate)
    {
        _inner = inner;
        _gate = gate;
    }

    public override ExportResult Export(in Batch<T> batch)
    {
        var count = batch.Count;
        var result = ExportResult.Failure;
        try
        {
            PassOnParentProvider();
            result = _inner.Export(batch);
        }
        catch (Exception exception)
        {
            VigilSdkEventSource.Log.SinkFailed(_gate.Sink, exception);
        }
        finally
        {
            _gate.Exit(count, result == ExportResult.Success);
        }

        return result;
    }

    protected override bool OnForceFlush(int timeoutMilliseconds) => _inner.ForceFlush(timeoutMilliseconds);

    protected override bool OnShutdown(int timeoutMilliseconds) => _inner.Shutdown(timeoutMilliseconds);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void PassOnParentProvider()
    {
        if (!_parentPassedOn && ParentProvider is { } parent)
        {
            if (_inner.ParentProvider is null)
            {
                s_setParentProvider?.Invoke(_inner, [parent]);
            }

            _parentPassedOn = true;
        }
    }
}
