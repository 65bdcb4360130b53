using OpenTelemetry;
using Vigil.Internal;
using Vigil.Model;

namespace Vigil.LocalStore;

/// <summary>
/// Writes each batch it is given to the local store in one transaction. A store that cannot be
/// written (missing folder, read-only, locked past the busy timeout) fails the batch, which is
/// reported and counted; it never reaches the application.
/// </summary>
internal abstract class StoreExporter<T> : BaseExporter<T>
    where T : class
{
    private readonly LocalStoreWriter _store;

    protected StoreExporter(LocalStoreWriter store, TelemetryResource resource)
    {
        _store = store;
        Resource = resource;
        store.AddReference();
    }

    protected TelemetryResource Resource { get; }

    public override ExportResult Export(in Batch<T> batch)
    {
        try
        {
            _store.Write(CreateBatch(batch));
            return ExportResult.Success;
        }
        catch (Exception exception)
        {
            VigilSdkEventSource.Log.SinkFailed(LocalStoreWriter.SinkName, exception);
            return ExportResult.Failure;
        }
    }

    protected abstract TelemetryBatch CreateBatch(in Batch<T> batch);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store.Dispose();
        }

        base.Dispose(disposing);
    }
}
