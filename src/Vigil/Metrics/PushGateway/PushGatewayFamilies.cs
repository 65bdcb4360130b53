using Vigil.Model;
using Vigil.Model.Prometheus;
using Vigil.Storage;

namespace Vigil.Metrics.PushGateway;

/// <summary>
/// Turns one collection's points into Prometheus families by the names and units <c>/metrics</c> uses: a monotonic sum
/// is a counter (<c>_total</c>), another sum or a gauge a gauge, a histogram a histogram (cumulative <c>le</c> buckets,
/// an exponential one's by its bucket bounds, <c>_sum</c>, <c>_count</c>). The labels are the point's attributes; an
/// attribute named <c>job</c> or <c>instance</c> becomes <c>exported_job</c> / <c>exported_instance</c>, since those are
/// the group's own labels, and a histogram's <c>le</c> becomes <c>exported_le</c>. Two names that map to one Prometheus
/// name keep the first.
/// </summary>
internal static class PushGatewayFamilies
{
    public static List<ExpositionFamily> From(IReadOnlyList<MetricPoint> points)
    {
        var families = new List<ExpositionFamily>();
        var byName = new Dictionary<string, (ExpositionFamily Family, string Source, HashSet<string> Labels)>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            var series = point.Series;
            var isHistogram = series.Kind is MetricKind.Histogram or MetricKind.ExponentialHistogram;
            var isCounter = series.Kind == MetricKind.Sum && series.IsMonotonic;
            var isGauge = !isCounter && series.Kind is MetricKind.Sum or MetricKind.Gauge;
            if (!isHistogram && !isCounter && !isGauge)
            {
                continue;
            }

            var unit = PrometheusUnit.From(series.Unit);
            var name = PrometheusNames.Metric(series.Name, unit, isCounter, isGauge);
            if (!byName.TryGetValue(name, out var entry))
            {
                var help = string.IsNullOrWhiteSpace(series.Description) ? $"OpenTelemetry metric {series.Name}" : series.Description;
                var type = isCounter ? "counter" : isGauge ? "gauge" : "histogram";
                entry = (new ExpositionFamily(name, type, help, new List<ExpositionSample>()), series.Name, new HashSet<string>(StringComparer.Ordinal));
                byName[name] = entry;
                families.Add(entry.Family);
            }
            else if (entry.Source != series.Name)
            {
                continue;
            }

            var labels = PrometheusNames.LabelSet(Labels(series.Attributes));
            if (!entry.Labels.Add(labels))
            {
                continue;
            }

            var samples = (List<ExpositionSample>)entry.Family.Samples;
            if (point.Histogram is { } histogram)
            {
                ExpositionSamples.AddHistogram(samples, labels, histogram.ExplicitBounds, histogram.BucketCounts, histogram.Sum, unit.Scale);
            }
            else if (point.ExponentialHistogram is { } exponential)
            {
                var (bounds, counts) = ExponentialCounts.From(exponential).ToExplicit();
                ExpositionSamples.AddHistogram(samples, labels, bounds, counts, exponential.Sum, unit.Scale);
            }
            else if (point.Value is { } value)
            {
                samples.Add(new(string.Empty, labels, value * unit.Scale));
            }
        }

        families.RemoveAll(f => f.Samples.Count == 0);
        return families;
    }

    private static IEnumerable<KeyValuePair<string, string>> Labels(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        foreach (var (key, value) in attributes)
        {
            // An empty value means "no such label" to Prometheus, as it does on /metrics.
            if (AttributeText.Of(value) is not { Length: > 0 } text)
            {
                continue;
            }

            var renamed = key is "job" or "instance" ? "exported_" + key : key;
            yield return new(renamed, text);
        }
    }
}
