using System.Diagnostics;
using OpenTelemetry;
using Vigil.Model;

namespace Vigil.LocalStore;

internal sealed class StoreSpanExporter(LocalStoreWriter store, TelemetryResource resource) : StoreExporter<Activity>(store, resource)
{
    protected override TelemetryBatch CreateBatch(in Batch<Activity> batch)
    {
        var entries = new List<SpanEntry>((int)batch.Count);
        foreach (var activity in batch)
        {
            entries.Add(TelemetryMapper.ToSpanEntry(activity, Resource));
        }

        return new TelemetryBatch { Spans = entries };
    }
}
