using Vigil.Cli.Commands.Demo;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>The demo's request-duration histogram against the request spans it measured (issue 11, item 1).</summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_RequestDurationP95_MatchesTheP95OfItsRequestSpans()
    {
        var spans = await _demo.ReadAsync(async store =>
        {
            var traces = await store.QueryTracesAsync(new TraceQuery { ServiceName = DemoCommand.ServiceName, Limit = 100_000 });
            var roots = new List<double>();
            foreach (var trace in traces.Where(t => t.RootSpanName == "POST /api/checkout"))
            {
                var entries = await store.GetTraceAsync(trace.TraceId);
                roots.AddRange(entries.Where(s => s.ParentSpanId is null).Select(s => (s.EndTime - s.StartTime).TotalSeconds));
            }

            return roots;
        });
        var metric = await _demo.ReadAsync(store => store.QueryMetricAsync(new MetricQuery
        {
            Name = "http.server.request.duration",
            From = DateTimeOffset.UnixEpoch,
            To = DateTimeOffset.UtcNow.AddHours(1),
            Step = DateTimeOffset.UtcNow.AddHours(1) - DateTimeOffset.UnixEpoch,
            GroupBy = [],
        }));

        // Nearest rank: the value the histogram's rank 0.95 × count falls on.
        var sorted = spans.Order().ToList();
        Assert.True(sorted.Count >= 10, $"only {sorted.Count} request spans");
        var spanP95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
        var bucket = Assert.Single(Assert.Single(metric.Series).Buckets);
        Assert.Equal(MetricKind.ExponentialHistogram, metric.Kind);
        Assert.Equal(sorted.Count, bucket.Count);

        // 160 base-2 buckets (OpenTelemetry's default size) over the demo's range, under a factor of
        // 2^10, give scale 4 or finer: one bucket spans at most a factor 2^(1/16), about 4.4 %. The
        // interpolated p95 lies in the bucket of the value it ranks on, so within one such bucket.
        var resolution = Math.Pow(2, 1.0 / 16) - 1;
        var p95 = Assert.NotNull(bucket.P95);
        Assert.True(Math.Abs(p95 - spanP95) <= spanP95 * resolution, $"metric p95 {p95:F4} s, spans' p95 {spanP95:F4} s");
    }
}
