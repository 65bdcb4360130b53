using System.Globalization;
using Vigil.Model;
using Vigil.Model.Prometheus;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// A metric's series in the Prometheus text exposition format (0.0.4), one timestamped sample
/// per bucket, so that <c>promtool check metrics</c> accepts it and Prometheus tooling reads it:
/// <list type="bullet">
/// <item>counters become a <c>_total</c> counter that starts at 0 at the start of the range and adds each bucket's increase;</item>
/// <item>gauges and up-down counters become a gauge of each bucket's last value;</item>
/// <item>histograms (explicit and exponential) become a real histogram: per bucket of the range, the cumulative
/// <c>_bucket{le}</c> counts up to <c>+Inf</c>, <c>_sum</c> and <c>_count</c> of every value since the start of the
/// range (a change of bucket bounds starts the totals again, which Prometheus reads as a counter reset);</item>
/// <item>summaries stay summaries: their sender's quantiles and the running <c>_count</c> it reported. No quantile is
/// made up from a histogram.</item>
/// </list>
/// Time units are converted to seconds and byte multiples to bytes (Prometheus base units).
/// </summary>
internal static class SeriesPrometheusOutput
{
    /// <summary>Writes <paramref name="result"/>; <paramref name="description"/> becomes the HELP text.</summary>
    public static void Write(TextWriter output, MetricQueryResult result, MetricShape shape, string? description)
    {
        if (!result.Series.Any(s => s.Buckets.Count > 0))
        {
            return;
        }

        var unit = PrometheusUnit.From(result.Unit);
        var name = PrometheusNames.Metric(result.Name, unit, shape == MetricShape.Counter, shape == MetricShape.Gauge);
        var isHistogram = shape == MetricShape.Distribution && result.Kind is MetricKind.Histogram or MetricKind.ExponentialHistogram;
        var type = shape switch { MetricShape.Counter => "counter", MetricShape.Gauge => "gauge", _ => isHistogram ? "histogram" : "summary" };
        var help = string.IsNullOrWhiteSpace(description) ? $"OpenTelemetry metric {result.Name}" : description;
        output.Write($"# HELP {name} {PrometheusNames.EscapeHelp(help)}\n");
        output.Write($"# TYPE {name} {type}\n");

        foreach (var series in result.Series)
        {
            var labels = PrometheusNames.LabelSet(series.Labels);
            double cumulative = 0;
            long count = 0;
            var totals = new HistogramTotals();
            foreach (var bucket in series.Buckets)
            {
                var timestamp = (bucket.Time + result.Step).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                switch (shape)
                {
                    case MetricShape.Counter:
                        cumulative += bucket.Increase ?? 0;
                        Sample(output, name, labels, cumulative * unit.Scale, timestamp);
                        break;
                    case MetricShape.Gauge when (bucket.Last ?? bucket.Average) is { } value:
                        Sample(output, name, labels, value * unit.Scale, timestamp);
                        break;
                    case MetricShape.Distribution when isHistogram:
                        if (totals.Add(bucket))
                        {
                            WriteHistogram(output, name, labels, totals, unit.Scale, timestamp);
                        }

                        break;
                    case MetricShape.Distribution:
                        WriteQuantile(output, name, labels, "0.5", bucket.P50, unit.Scale, timestamp);
                        WriteQuantile(output, name, labels, "0.95", bucket.P95, unit.Scale, timestamp);
                        WriteQuantile(output, name, labels, "0.99", bucket.P99, unit.Scale, timestamp);
                        // A summary's count is already the running total its sender reported.
                        count = bucket.Count ?? count;
                        Sample(output, name + "_count", labels, count, timestamp);
                        break;
                }
            }
        }

        output.Flush();
    }

    private static void WriteHistogram(TextWriter output, string name, string labels, HistogramTotals totals, double scale, string timestamp)
    {
        var samples = new List<ExpositionSample>();
        ExpositionSamples.AddHistogram(samples, labels, totals.Bounds, totals.Counts, totals.Sum, scale);
        foreach (var sample in samples)
        {
            Sample(output, name + sample.Suffix, sample.Labels, sample.Value, timestamp);
        }
    }

    /// <summary>
    /// A histogram series' counts since the start of the range: each bucket of the range holds only the values
    /// recorded in it, and Prometheus wants running totals.
    /// </summary>
    private sealed class HistogramTotals
    {
        private bool _sumKnown = true;
        private double _sum;

        public IReadOnlyList<double> Bounds { get; private set; } = [];

        public long[] Counts { get; private set; } = [];

        /// <summary>The sum of every value, or null once a bucket came without one.</summary>
        public double? Sum => _sumKnown ? _sum : null;

        /// <summary>Adds a bucket's counts; false when it has none (nothing recorded in it).</summary>
        public bool Add(MetricBucket bucket)
        {
            if (bucket.BucketBounds is not { } bounds || bucket.BucketCounts is not { } counts || counts.Count != bounds.Count + 1)
            {
                return false;
            }

            if (!bounds.SequenceEqual(Bounds))
            {
                // New bounds (the sender changed them, or the first bucket): the totals start again.
                (Bounds, Counts, _sum, _sumKnown) = (bounds, new long[counts.Count], 0, true);
            }

            for (var i = 0; i < counts.Count; i++)
            {
                Counts[i] += counts[i];
            }

            _sumKnown &= bucket.Sum is not null;
            _sum += bucket.Sum ?? 0;
            return true;
        }
    }

    private static void WriteQuantile(TextWriter output, string name, string labels, string quantile, double? value, double scale, string timestamp)
    {
        if (value is { } v)
        {
            Sample(output, name, PrometheusNames.WithLabel(labels, "quantile", quantile), v * scale, timestamp);
        }
    }

    private static void Sample(TextWriter output, string name, string labels, double value, string timestamp)
    {
        var braces = labels.Length == 0 ? string.Empty : "{" + labels + "}";
        output.Write($"{name}{braces} {PrometheusNames.Value(value)} {timestamp}\n");
    }
}
