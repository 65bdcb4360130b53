using OpenTelemetry;
using OpenTelemetry.Metrics;
using Vigil.Model;

namespace Vigil.LocalStore;

/// <summary>
/// Metric readers have no queue to bound: a failed write loses that collection's points, and
/// cumulative sums carry on in the next one.
/// </summary>
internal sealed class StoreMetricExporter(LocalStoreWriter store, TelemetryResource resource) : StoreExporter<Metric>(store, resource)
{
    protected override TelemetryBatch CreateBatch(in Batch<Metric> batch)
    {
        var points = new List<Model.MetricPoint>();
        foreach (var metric in batch)
        {
            TelemetryMapper.AddMetricPoints(metric, Resource, points);
        }

        return new TelemetryBatch { MetricPoints = points };
    }
}
