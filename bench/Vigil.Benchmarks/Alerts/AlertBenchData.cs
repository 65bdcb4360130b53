using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Benchmarks.Alerts;

/// <summary>
/// The benchmark's store: log records from 20 services over the hour before <see cref="End"/> (5 % errors, 10 %
/// warnings, a few words and attributes), and metric series (40 % counters, 40 % gauges, 20 % histograms; 100 series
/// per metric name: 10 routes × 10 regions) with a point every 30 s over the last 15 minutes.
/// </summary>
internal static class AlertBenchData
{
    public const int Services = 20;

    public const int SeriesPerMetric = 100;

    public static readonly DateTimeOffset End = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static string Service(int i) => "svc-" + (i % Services).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public static string MetricName(int i) => (i % 5) switch { 0 or 1 => "requests.", 2 or 3 => "queue.depth.", _ => "latency." } + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    public static MetricKind KindOf(int metric) => (metric % 5) switch { 0 or 1 => MetricKind.Sum, 2 or 3 => MetricKind.Gauge, _ => MetricKind.Histogram };

    public static async Task WriteAsync(ITelemetryStore store, AlertBenchOptions options)
    {
        // One write holds 1,024 records of each service, so each becomes a full block.
        const int perWrite = 1024 * Services;
        var span = TimeSpan.FromHours(1);
        for (var start = 0; start < options.Logs; start += perWrite)
        {
            var count = Math.Min(perWrite, options.Logs - start);
            var logs = new LogEntry[count];
            for (var j = 0; j < count; j++)
            {
                var n = start + j;
                var severity = n % 20 == 0 ? 17 : n % 10 == 1 ? 13 : 9;
                logs[j] = new LogEntry
                {
                    Timestamp = End - span + (span * n / options.Logs),
                    SeverityNumber = severity,
                    Body = severity == 17 ? $"payment failed for order {n}: timeout" : severity == 13 ? $"slow query on table orders took {n % 900} ms" : $"order {n} placed by customer {n % 5000}",
                    Attributes = [new("region", "r" + (n % 10)), new("http.route", "/api/" + (n % 8))],
                    Resource = Resource(Service(n / 7)),
                };
            }

            await store.WriteAsync(new TelemetryBatch { Logs = logs });
        }

        var metrics = options.Series / SeriesPerMetric;
        for (var m = 0; m < metrics; m++)
        {
            var points = new List<MetricPoint>();
            for (var s = 0; s < SeriesPerMetric; s++)
            {
                var series = new MetricSeriesInfo
                {
                    Name = MetricName(m),
                    Kind = KindOf(m),
                    Temporality = AggregationTemporality.Cumulative,
                    IsMonotonic = KindOf(m) == MetricKind.Sum,
                    Attributes = [new("http.route", "/api/" + (s % 10)), new("region", "r" + (s / 10))],
                    Resource = Resource(Service(m)),
                };
                for (var t = 0; t < 30; t++)
                {
                    var time = End - TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30 * t);
                    points.Add(KindOf(m) == MetricKind.Histogram
                        ? new MetricPoint
                        {
                            Series = series,
                            Timestamp = time,
                            StartTimestamp = End.AddHours(-2),
                            Histogram = new HistogramData { Count = 100L * (t + 1), Sum = 20.0 * (t + 1), ExplicitBounds = [0.05, 0.1, 0.25, 0.5, 1], BucketCounts = [40L * (t + 1), 30L * (t + 1), 20L * (t + 1), 8L * (t + 1), 2L * (t + 1), 0] },
                        }
                        : new MetricPoint { Series = series, Timestamp = time, StartTimestamp = End.AddHours(-2), Value = KindOf(m) == MetricKind.Sum ? 10.0 * t * (s + 1) : (s * 7 + t) % 50 });
                }
            }

            await store.WriteAsync(new TelemetryBatch { MetricPoints = points });
        }
    }

    private static TelemetryResource Resource(string service) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, service)] };
}
