using Vigil.Model;
using Vigil.Model.Prometheus;
using Vigil.Storage;

namespace Vigil.Server.Prometheus;

/// <summary>
/// Reads the latest value of every stored metric, one sample per service and attribute set.
/// The store answers in buckets, so each metric is read as one bucket spanning everything stored:
/// a counter's value is the whole increase the store has seen (resets handled), a gauge's the latest
/// value, and a histogram a Prometheus histogram (cumulative <c>_bucket</c> per <c>le</c> up to <c>+Inf</c>,
/// <c>_sum</c>, <c>_count</c>) over everything stored; an exponential histogram's buckets are written by
/// their bounds. A summary stays a summary (its sender's quantiles and count).
/// </summary>
internal static class StoreMetricFamilies
{
    private static readonly DateTimeOffset s_beginning = DateTimeOffset.UnixEpoch;

    public static async Task<IReadOnlyList<ExpositionFamily>> ReadAsync(ITelemetryReader store, CancellationToken cancellationToken)
    {
        var families = new List<ExpositionFamily>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in await store.ListMetricsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (metric.LatestTime is not { } latest)
            {
                continue;
            }

            var family = await ReadAsync(store, metric, latest, cancellationToken).ConfigureAwait(false);

            // Two OpenTelemetry names can map to one Prometheus name (a.b and a_b); a repeated family is invalid.
            if (family is not null && names.Add(family.Name))
            {
                families.Add(family);
            }
        }

        return families;
    }

    private static async Task<ExpositionFamily?> ReadAsync(ITelemetryReader store, MetricSummary metric, DateTimeOffset latest, CancellationToken cancellationToken)
    {
        var to = latest.AddTicks(1);
        var query = new MetricQuery { Name = metric.Name, From = s_beginning, To = to, Step = to - s_beginning };

        // First learn the attribute keys, then group by them and the service so services stay apart.
        var byAttributes = await store.QueryMetricAsync(query, cancellationToken).ConfigureAwait(false);
        var keys = byAttributes.Series.SelectMany(s => s.Labels.Keys).Append(TelemetryResource.ServiceNameKey).Distinct(StringComparer.Ordinal).ToList();
        var result = await store.QueryMetricAsync(query with { GroupBy = keys }, cancellationToken).ConfigureAwait(false);
        if (result.Kind is null)
        {
            return null;
        }

        var isCounter = result.Kind == MetricKind.Sum && result.Series.Any(s => s.Buckets.Any(b => b.Increase is not null));
        var isGauge = !isCounter && result.Kind is MetricKind.Sum or MetricKind.Gauge;
        var isHistogram = result.Kind is MetricKind.Histogram or MetricKind.ExponentialHistogram;
        var unit = PrometheusUnit.From(result.Unit);
        var name = PrometheusNames.Metric(result.Name, unit, isCounter, isGauge);
        var help = string.IsNullOrWhiteSpace(metric.Description) ? $"OpenTelemetry metric {metric.Name}" : metric.Description;
        var samples = new List<ExpositionSample>();
        foreach (var series in result.Series)
        {
            // Empty values mean "no such attribute" (a series without the key); Prometheus reads them the same way.
            var attributes = series.Labels.Where(l => l.Value.Length > 0);
            var labels = PrometheusNames.LabelSet(attributes);
            if (series.Buckets.Count == 0)
            {
                continue;
            }

            var bucket = series.Buckets[^1];
            if (isCounter)
            {
                samples.Add(new(string.Empty, labels, (bucket.Increase ?? 0) * unit.Scale));
            }
            else if (isGauge)
            {
                if ((bucket.Last ?? bucket.Average) is { } value)
                {
                    samples.Add(new(string.Empty, labels, value * unit.Scale));
                }
            }
            else if (isHistogram)
            {
                AddHistogram(samples, labels, bucket, unit.Scale);
            }
            else
            {
                AddQuantile(samples, labels, "0.5", bucket.P50, unit.Scale);
                AddQuantile(samples, labels, "0.95", bucket.P95, unit.Scale);
                AddQuantile(samples, labels, "0.99", bucket.P99, unit.Scale);
                samples.Add(new("_count", labels, bucket.Count ?? 0));
            }
        }

        var type = isCounter ? "counter" : isGauge ? "gauge" : isHistogram ? "histogram" : "summary";
        return samples.Count == 0 ? null : new ExpositionFamily(name, type, help, samples);
    }

    private static void AddHistogram(List<ExpositionSample> samples, string labels, MetricBucket bucket, double scale)
    {
        if (bucket.BucketBounds is { } bounds && bucket.BucketCounts is { } counts)
        {
            ExpositionSamples.AddHistogram(samples, labels, bounds, counts, bucket.Sum, scale);
        }
    }

    private static void AddQuantile(List<ExpositionSample> samples, string labels, string quantile, double? value, double scale)
    {
        if (value is { } v)
        {
            ExpositionSamples.AddQuantile(samples, labels, quantile, v, scale);
        }
    }
}
