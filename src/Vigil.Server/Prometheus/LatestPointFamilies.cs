using System.Globalization;
using Vigil.Model;
using Vigil.Model.Prometheus;
using Vigil.Storage;

namespace Vigil.Server.Prometheus;

/// <summary>
/// Each series' latest point (<see cref="ITelemetryReader.ReadLatestPointsAsync"/>) as exposition families, with the
/// naming and units of <c>/metrics</c>: a cumulative counter is a <c>_total</c> counter of its running total; a
/// gauge or up-down counter a gauge; a cumulative histogram a real histogram (<c>_bucket{le}</c> cumulative up to
/// <c>+Inf</c>, <c>_sum</c>, <c>_count</c>; an exponential histogram's buckets by their bounds); a summary its
/// sender's quantiles, <c>_sum</c> and <c>_count</c>. Nothing is made up: a delta sum or histogram is one interval's
/// change, which Prometheus has no type for, so it is left out and counted, as is a series whose Prometheus name
/// another kind took first or whose labels another series of the name already has.
/// </summary>
internal static class LatestPointFamilies
{
    /// <summary>The families of <paramref name="points"/>, in the order their names first occur, and how many points were left out.</summary>
    public static (IReadOnlyList<ExpositionFamily> Families, int LeftOut) Build(IEnumerable<MetricPoint> points)
    {
        var families = new List<(ExpositionFamily Family, List<ExpositionSample> Samples, HashSet<string> Labels)>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var leftOut = 0;
        foreach (var point in points)
        {
            var series = point.Series;
            var type = TypeOf(series);
            if (type is null)
            {
                leftOut++;
                continue;
            }

            var unit = PrometheusUnit.From(series.Unit);
            var name = PrometheusNames.Metric(series.Name, unit, type == "counter", type == "gauge");
            if (!byName.TryGetValue(name, out var index))
            {
                var help = string.IsNullOrWhiteSpace(series.Description) ? $"OpenTelemetry metric {series.Name}" : series.Description;
                index = families.Count;
                byName[name] = index;
                var samples = new List<ExpositionSample>();
                families.Add((new ExpositionFamily(name, type, help, samples), samples, new HashSet<string>(StringComparer.Ordinal)));
            }

            var entry = families[index];
            var labels = LabelsOf(series);
            if (entry.Family.Type != type || !entry.Labels.Add(labels) || !AddSamples(entry.Samples, labels, point, unit.Scale))
            {
                leftOut++;
            }
        }

        return ([.. families.Where(f => f.Samples.Count > 0).Select(f => f.Family)], leftOut);
    }

    private static string? TypeOf(MetricSeriesInfo series) => series.Kind switch
    {
        MetricKind.Gauge => "gauge",
        MetricKind.Sum when !series.IsMonotonic => series.Temporality == AggregationTemporality.Delta ? null : "gauge",
        MetricKind.Sum => series.Temporality == AggregationTemporality.Delta ? null : "counter",
        MetricKind.Histogram or MetricKind.ExponentialHistogram => series.Temporality == AggregationTemporality.Delta ? null : "histogram",
        _ => "summary",
    };

    // Empty values mean "no such attribute" to Prometheus.
    private static string LabelsOf(MetricSeriesInfo series) =>
        PrometheusNames.LabelSet(MetricGroupLabels.WithService(series).Where(l => l.Value.Length > 0));

    private static bool AddSamples(List<ExpositionSample> samples, string labels, MetricPoint point, double scale)
    {
        switch (point)
        {
            case { Histogram: { } histogram }:
                ExpositionSamples.AddHistogram(samples, labels, histogram.ExplicitBounds, histogram.BucketCounts, histogram.Sum, scale);
                return true;
            case { ExponentialHistogram: { } exponential }:
                var (bounds, counts) = ExponentialCounts.From(exponential).ToExplicit();
                ExpositionSamples.AddHistogram(samples, labels, bounds, counts, exponential.Sum, scale);
                return true;
            case { Summary: { } summary }:
                foreach (var quantile in summary.Quantiles)
                {
                    ExpositionSamples.AddQuantile(samples, labels, quantile.Quantile.ToString("R", CultureInfo.InvariantCulture), quantile.Value, scale);
                }

                samples.Add(new("_sum", labels, summary.Sum * scale));
                samples.Add(new("_count", labels, summary.Count));
                return true;
            case { Value: { } value }:
                samples.Add(new(string.Empty, labels, value * scale));
                return true;
            default:
                return false;
        }
    }
}
