using OpenTelemetry;
using OpenTelemetry.Logs;
using Vigil.Storage;

namespace Vigil.LocalStore;

/// <summary>Writes each batch of log records to the local store in one transaction.</summary>
internal sealed class StoreLogExporter : BaseExporter<LogRecord>
{
    public const string SinkName = "store";

    private readonly LocalStoreWriter _store;
    private readonly TelemetryResource _resource;

    public StoreLogExporter(LocalStoreWriter store, TelemetryResource resource)
    {
        _store = store;
        _resource = resource;
        store.AddReference();
    }

    public override ExportResult Export(in Batch<LogRecord> batch)
    {
        var entries = new List<LogEntry>((int)batch.Count);
        var observed = DateTimeOffset.UtcNow;
        foreach (var record in batch)
        {
            entries.Add(TelemetryMapper.ToLogEntry(record, _resource, observed));
        }

        _store.Write(new TelemetryBatch { Logs = entries });
        return ExportResult.Success;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store.Dispose();
        }

        base.Dispose(disposing);
    }
}
