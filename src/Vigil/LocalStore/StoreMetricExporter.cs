using OpenTelemetry;
using OpenTelemetry.Metrics;
using Vigil.Internal;
using Vigil.Storage;

namespace Vigil.LocalStore;

/// <summary>
/// Writes each collection of metric points to the local store. Metric readers have no queue to
/// bound: a failed write loses that collection's points (cumulative sums carry on in the next one).
/// </summary>
internal sealed class StoreMetricExporter : BaseExporter<Metric>
{
    private readonly LocalStoreWriter _store;
    private readonly TelemetryResource _resource;

    public StoreMetricExporter(LocalStoreWriter store, TelemetryResource resource)
    {
        _store = store;
        _resource = resource;
        store.AddReference();
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        try
        {
            var points = new List<Storage.MetricPoint>();
            foreach (var metric in batch)
            {
                TelemetryMapper.AddMetricPoints(metric, _resource, points);
            }

            _store.Write(new TelemetryBatch { MetricPoints = points });
            return ExportResult.Success;
        }
        catch (Exception exception)
        {
            VigilSdkEventSource.Log.SinkFailed(StoreLogExporter.SinkName, exception);
            return ExportResult.Failure;
        }
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
