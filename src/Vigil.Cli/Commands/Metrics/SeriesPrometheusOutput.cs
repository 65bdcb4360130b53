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
/// <item>histograms and summaries become a summary: the 0.5/0.95/0.99 quantiles of each bucket and a
/// cumulative <c>_count</c>. The store returns percentiles, not bucket counts, so a Prometheus
/// histogram cannot be rebuilt; <c>_sum</c> is omitted for the same reason. A summary's
/// <c>_count</c> is the running total its sender reported.</item>
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
        var type = shape switch { MetricShape.Counter => "counter", MetricShape.Gauge => "gauge", _ => "summary" };
        var help = string.IsNullOrWhiteSpace(description) ? $"OpenTelemetry metric {result.Name}" : description;
        output.Write($"# HELP {name} {PrometheusNames.EscapeHelp(help)}\n");
        output.Write($"# TYPE {name} {type}\n");

        foreach (var series in result.Series)
        {
            var labels = PrometheusNames.LabelSet(series.Labels, shape == MetricShape.Distribution);
            double cumulative = 0;
            long count = 0;
            foreach (var bucket in series.Buckets)
            {
                var timestamp = (bucket.Time + result.Step).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                switch (shape)
                {
                    case MetricShape.Counter:
                        cumulative += bucket.Increase ?? 0;
                        Sample(output, name, labels, null, cumulative * unit.Scale, timestamp);
                        break;
                    case MetricShape.Gauge when (bucket.Last ?? bucket.Average) is { } value:
                        Sample(output, name, labels, null, value * unit.Scale, timestamp);
                        break;
                    case MetricShape.Distribution:
                        WriteQuantile(output, name, labels, "0.5", bucket.P50, unit.Scale, timestamp);
                        WriteQuantile(output, name, labels, "0.95", bucket.P95, unit.Scale, timestamp);
                        WriteQuantile(output, name, labels, "0.99", bucket.P99, unit.Scale, timestamp);
                        // A histogram's bucket count covers the bucket only, so it is summed; a summary's
                        // is already the running total its sender reported.
                        count = result.Kind == MetricKind.Summary ? bucket.Count ?? count : count + (bucket.Count ?? 0);
                        Sample(output, name + "_count", labels, null, count, timestamp);
                        break;
                }
            }
        }

        output.Flush();
    }

    private static void WriteQuantile(TextWriter output, string name, string labels, string quantile, double? value, double scale, string timestamp)
    {
        if (value is { } v)
        {
            Sample(output, name, labels, $"quantile=\"{quantile}\"", v * scale, timestamp);
        }
    }

    private static void Sample(TextWriter output, string name, string labels, string? extraLabel, double value, string timestamp)
    {
        var all = (labels, extraLabel) switch
        {
            ("", null) => string.Empty,
            ("", _) => "{" + extraLabel + "}",
            (_, null) => "{" + labels + "}",
            _ => "{" + labels + "," + extraLabel + "}",
        };
        output.Write($"{name}{all} {PrometheusNames.Value(value)} {timestamp}\n");
    }
}
