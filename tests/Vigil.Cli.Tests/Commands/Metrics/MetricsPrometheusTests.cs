using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Metrics;

public sealed class MetricsPrometheusTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = CliHarness.Now.AddMinutes(-10);

    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task WriteMetricsAsync() => _store.WritePointsAsync(
        Some.Counter("orders.placed", 0, s_t0.AddSeconds(10), attributes: [new("tenant", "acme")]),
        Some.Counter("orders.placed", 60, s_t0.AddSeconds(70), attributes: [new("tenant", "acme")]),
        Some.Gauge("queue.length", 4, s_t0.AddSeconds(10), attributes: [new("queue", "a\\b\"c\nd"), new("queue.kind", "mail")]),
        Some.Histogram("http.request.duration", 10, [0, 10, 0, 0], s_t0.AddSeconds(10), new KeyValuePair<string, object?>("http.route", "/orders"), new("quantile", "x")));

    [Fact]
    public async Task Prometheus_Counter_TotalWithHelpTypeAndCumulativeValues()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "orders.placed", "--since", "15m", "--step", "1m", "--format", "prometheus", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("# HELP orders_placed_total Orders placed.", lines[0]);
        Assert.Equal("# TYPE orders_placed_total counter", lines[1]);
        Assert.All(lines.Skip(2), l => Assert.StartsWith("orders_placed_total{tenant=\"acme\"} ", l, StringComparison.Ordinal));
        var last = lines[^1].Split(' ');
        Assert.Equal("60", last[1]);
        Assert.Equal(s_t0.AddMinutes(2).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), last[2]);
    }

    [Fact]
    public async Task Prometheus_Gauge_LabelValuesEscaped()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "queue.length", "--since", "15m", "--format", "prometheus", "--store", _store.Path);

        Assert.Contains("# TYPE queue_length gauge\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("queue_length{queue=\"a\\\\b\\\"c\\nd\",queue_kind=\"mail\"} 4 ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_Histogram_RealHistogramInSeconds()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "http.request.duration", "--since", "15m", "--format", "prometheus", "--store", _store.Path);

        // The 10 values written, all in the second bucket: cumulative counts by bound, in seconds, no quantile.
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("# TYPE http_request_duration_seconds histogram", lines);
        Assert.DoesNotContain(",quantile=\"", run.Stdout, StringComparison.Ordinal);
        var samples = lines.Where(l => !l.StartsWith('#')).Select(l => l[..l.LastIndexOf(' ')]).ToList();
        // The attribute named "quantile" is renamed: promtool refuses that label on anything but a summary.
        const string Labels = "exported_quantile=\"x\",http_route=\"/orders\"";
        Assert.Equal(
            [
                $"http_request_duration_seconds_bucket{{{Labels},le=\"0.01\"}} 0",
                $"http_request_duration_seconds_bucket{{{Labels},le=\"0.1\"}} 10",
                $"http_request_duration_seconds_bucket{{{Labels},le=\"1\"}} 10",
                $"http_request_duration_seconds_bucket{{{Labels},le=\"+Inf\"}} 10",
                $"http_request_duration_seconds_sum{{{Labels}}} 0.5",
                $"http_request_duration_seconds_count{{{Labels}}} 10",
            ],
            samples);
    }

    [Fact]
    public async Task Prometheus_HistogramOverSteps_CountsRunSinceTheStartOfTheRange()
    {
        // Two minutes of a delta histogram: 3 values then 5, so the second step's totals are 8.
        await _store.WritePointsAsync(
            Some.Histogram("rpc.latency", 3, [3, 0, 0, 0], s_t0.AddSeconds(10)),
            Some.Histogram("rpc.latency", 5, [1, 4, 0, 0], s_t0.AddSeconds(70)));

        var run = await _cli.RunAsync("metrics", "rpc.latency", "--since", "15m", "--step", "1m", "--format", "prometheus", "--store", _store.Path);

        var counts = run.Stdout.Split('\n').Where(l => l.StartsWith("rpc_latency", StringComparison.Ordinal) && l.Contains("_count", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        var infs = run.Stdout.Split('\n').Where(l => l.Contains("le=\"+Inf\"", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(["3", "8"], counts);
        Assert.Equal(["3", "8"], infs);
    }

    [Fact]
    public async Task Prometheus_Summary_CountIsSendersRunningTotal()
    {
        MetricPoint Point(long count, int seconds) => new()
        {
            Series = new MetricSeriesInfo { Name = "rpc.duration", Unit = "s", Kind = MetricKind.Summary, Resource = Some.Service("orders") },
            Timestamp = s_t0.AddSeconds(seconds),
            StartTimestamp = CliHarness.Now.AddHours(-1),
            Summary = new SummaryData { Count = count, Sum = count * 0.1, Quantiles = [new(0.5, 0.1), new(0.99, 0.4)] },
        };
        await _store.WritePointsAsync(Point(100, 10), Point(150, 70));

        var run = await _cli.RunAsync("metrics", "rpc.duration", "--since", "15m", "--step", "1m", "--format", "prometheus", "--store", _store.Path);

        var counts = run.Stdout.Split('\n').Where(l => l.StartsWith("rpc_duration_seconds_count ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(["100", "150"], counts);
    }

    [Theory]
    [InlineData("orders.placed")]
    [InlineData("queue.length")]
    [InlineData("http.request.duration")]
    public async Task Prometheus_EveryKind_PassesPromtool(string metric)
    {
        // promtool comes from the Debian package 'prometheus' (apt-get install -y prometheus).
        var promtool = Promtool.Find();
        Assert.True(promtool is not null, "promtool not found on PATH: install it with 'apt-get install -y prometheus'");
        await WriteMetricsAsync();
        var run = await _cli.RunAsync("metrics", metric, "--since", "15m", "--step", "1m", "--format", "prometheus", "--store", _store.Path);
        Assert.NotEmpty(run.Stdout);

        var (exitCode, output) = await Promtool.CheckMetricsAsync(promtool, run.Stdout);

        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}): {output}\n{run.Stdout}");
    }
}
