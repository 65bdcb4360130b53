using OpenTelemetry;
using OpenTelemetry.Logs;
using Vigil.Model;

namespace Vigil.LocalStore;

internal sealed class StoreLogExporter(LocalStoreWriter store, TelemetryResource resource) : StoreExporter<LogRecord>(store, resource)
{
    protected override TelemetryBatch CreateBatch(in Batch<LogRecord> batch)
    {
        var entries = new List<LogEntry>((int)batch.Count);
        var observed = DateTimeOffset.UtcNow;
        foreach (var record in batch)
        {
            entries.Add(TelemetryMapper.ToLogEntry(record, Resource, observed));
        }

        return new TelemetryBatch { Logs = entries };
    }
}
