using System.Diagnostics;
using OpenTelemetry;
using Vigil.Storage;

namespace Vigil.LocalStore;

/// <summary>Writes each batch of spans to the local store in one transaction.</summary>
internal sealed class StoreSpanExporter : BaseExporter<Activity>
{
    private readonly LocalStoreWriter _store;
    private readonly TelemetryResource _resource;

    public StoreSpanExporter(LocalStoreWriter store, TelemetryResource resource)
    {
        _store = store;
        _resource = resource;
        store.AddReference();
    }

    public override ExportResult Export(in Batch<Activity> batch)
    {
        var entries = new List<SpanEntry>((int)batch.Count);
        foreach (var activity in batch)
        {
            entries.Add(TelemetryMapper.ToSpanEntry(activity, _resource));
        }

        _store.Write(new TelemetryBatch { Spans = entries });
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
