using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Metrics;

/// <summary><c>vigil metrics</c> with no NAME and a machine format: each series' latest point, checked against the points written.</summary>
public sealed class MetricsExportTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = CliHarness.Now.AddMinutes(-10);

    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    // Every series has an older point, and the newest counter point is written before an older one.
    private static MetricPoint Duration(long count, long[] buckets, DateTimeOffset at)
    {
        var point = Some.Histogram("http.request.duration", count, buckets, at, new KeyValuePair<string, object?>("http.route", "/orders"));
        return point with { Series = point.Series with { Temporality = AggregationTemporality.Cumulative }, StartTimestamp = CliHarness.Now.AddHours(-1) };
    }

    private Task WriteMetricsAsync() => _store.WritePointsAsync(
        Some.Counter("orders.placed", 180, s_t0.AddSeconds(130), attributes: [new("tenant", "acme")]),
        Some.Counter("orders.placed", 60, s_t0.AddSeconds(70), attributes: [new("tenant", "acme")]),
        Some.Counter("orders.placed", 0, s_t0.AddSeconds(10), attributes: [new("tenant", "globex")]),
        Some.Counter("orders.placed", 30, s_t0.AddSeconds(70), attributes: [new("tenant", "globex")]),
        Some.Gauge("queue.length", 4, s_t0.AddSeconds(10), attributes: [new("queue", "email")]),
        Some.Gauge("queue.length", 2, s_t0.AddSeconds(70), attributes: [new("queue", "email")]),
        Duration(10, [0, 10, 0, 0], s_t0.AddSeconds(10)),
        Duration(14, [4, 10, 0, 0], s_t0.AddSeconds(70)));

    private static List<JsonElement> JsonLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Theory]
    [InlineData("--json")]
    [InlineData("--format", "json")]
    public async Task Export_Json_EachSeriesNewestPoint(params string[] format)
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync(["metrics", "--store", _store.Path, .. format]);

        Assert.Equal(0, run.ExitCode);
        var lines = JsonLines(run.Stdout);
        Assert.Equal(["http.request.duration", "orders.placed", "orders.placed", "queue.length"], lines.Select(l => l.GetProperty("metric").GetString()));
        var histogram = lines[0];
        Assert.Equal("histogram", histogram.GetProperty("kind").GetString());
        Assert.Equal("cumulative", histogram.GetProperty("temporality").GetString());
        Assert.Equal(s_t0.AddSeconds(70), histogram.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(14, histogram.GetProperty("count").GetInt64());
        Assert.Equal(700, histogram.GetProperty("sum").GetDouble());
        Assert.Equal([10.0, 100, 1000], histogram.GetProperty("bucketBounds").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal([4L, 10, 0, 0], histogram.GetProperty("bucketCounts").EnumerateArray().Select(b => b.GetInt64()));
        Assert.Equal("/orders", histogram.GetProperty("labels").GetProperty("http.route").GetString());
        var counters = lines.Skip(1).Take(2).ToDictionary(l => l.GetProperty("labels").GetProperty("tenant").GetString()!);
        Assert.Equal(180, counters["acme"].GetProperty("value").GetDouble());
        Assert.Equal(30, counters["globex"].GetProperty("value").GetDouble());
        Assert.Equal("counter", counters["acme"].GetProperty("kind").GetString());
        Assert.Equal("orders", counters["acme"].GetProperty("labels").GetProperty("service.name").GetString());
        Assert.Equal(2, lines[3].GetProperty("value").GetDouble());
        Assert.Equal("gauge", lines[3].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Export_Csv_LabelColumnsAndCumulativeBuckets()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--format", "csv", "--store", _store.Path);

        var lines = run.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("metric,kind,unit,time,http.route,queue,service.name,tenant,value,count,sum,min,max,buckets,quantiles", lines[0]);
        Assert.Equal($"http.request.duration,histogram,ms,{Iso(s_t0.AddSeconds(70))},/orders,,orders,,,14,700,,,10:4;100:14;1000:14;+Inf:14,", lines[1]);
        Assert.Contains($"orders.placed,counter,{{order}},{Iso(s_t0.AddSeconds(130))},,,orders,acme,180,,,,,,", lines);
        Assert.Contains($"orders.placed,counter,{{order}},{Iso(s_t0.AddSeconds(70))},,,orders,globex,30,,,,,,", lines);
        Assert.Equal($"queue.length,gauge,,{Iso(s_t0.AddSeconds(70))},,email,orders,,2,,,,,,", lines[4]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Export_Prometheus_RuntimeGaugeNamedLikeASample_PromtoolAccepts()
    {
        // The .NET runtime's own instruments (dotnet.assembly.count, dotnet.timer.count) are up-down counters, so
        // gauges, whose plain names would read as a histogram's _count sample.
        var promtool = Promtool.Find();
        Assert.True(promtool is not null, "promtool not found on PATH: install it with 'apt-get install -y prometheus'");
        await _store.WritePointsAsync(Some.Gauge("dotnet.assembly.count", 41, s_t0), Some.Gauge("dotnet.timer.count", 3, s_t0));

        var run = await _cli.RunAsync("metrics", "--format", "prometheus", "--store", _store.Path);
        var (exitCode, output) = await Promtool.CheckMetricsAsync(promtool, run.Stdout);

        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}): {output}\n{run.Stdout}");
        Assert.Contains("dotnet_assembly_count_value{service_name=\"orders\"} 41", run.Stdout.Split('\n'));
        Assert.Contains("dotnet_timer_count_value{service_name=\"orders\"} 3", run.Stdout.Split('\n'));
    }

    [Fact]
    public async Task Export_Prometheus_RealHistogramAndTotalsThatPromtoolAccepts()
    {
        var promtool = Promtool.Find();
        Assert.True(promtool is not null, "promtool not found on PATH: install it with 'apt-get install -y prometheus'");
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--format", "prometheus", "--store", _store.Path);
        var (exitCode, output) = await Promtool.CheckMetricsAsync(promtool, run.Stdout);

        // Assert: the newest values, the histogram in seconds with cumulative buckets, no quantile made up.
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}): {output}\n{run.Stdout}");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("# TYPE http_request_duration_seconds histogram", lines);
        Assert.Contains("http_request_duration_seconds_bucket{http_route=\"/orders\",service_name=\"orders\",le=\"0.01\"} 4", lines);
        Assert.Contains("http_request_duration_seconds_bucket{http_route=\"/orders\",service_name=\"orders\",le=\"0.1\"} 14", lines);
        Assert.Contains("http_request_duration_seconds_bucket{http_route=\"/orders\",service_name=\"orders\",le=\"+Inf\"} 14", lines);
        // 700 ms in seconds, as the unit's scale (0.001) makes it: 0.7 to the last bit or two.
        var sum = Assert.Single(lines, l => l.StartsWith("http_request_duration_seconds_sum{http_route=\"/orders\",service_name=\"orders\"} ", StringComparison.Ordinal));
        Assert.Equal(0.7, double.Parse(sum.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Contains("http_request_duration_seconds_count{http_route=\"/orders\",service_name=\"orders\"} 14", lines);
        Assert.Contains("# TYPE orders_placed_total counter", lines);
        Assert.Contains("orders_placed_total{service_name=\"orders\",tenant=\"acme\"} 180", lines);
        Assert.Contains("orders_placed_total{service_name=\"orders\",tenant=\"globex\"} 30", lines);
        Assert.Contains("queue_length{queue=\"email\",service_name=\"orders\"} 2", lines);
        Assert.DoesNotContain(lines, l => l.Contains("quantile", StringComparison.Ordinal));
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Export_PrometheusDeltaHistogram_LeftOutAndSaidSo()
    {
        await _store.WritePointsAsync(
            Some.Histogram("rpc.duration", 3, [3, 0, 0, 0], s_t0),
            Some.Gauge("queue.length", 2, s_t0));

        var run = await _cli.RunAsync("metrics", "--format", "prometheus", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("rpc_duration", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("queue_length{service_name=\"orders\"} 2\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 of 2 series left out: delta sums and histograms", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Influx_OneLinePerSeriesNewestPoint()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--format", "influx", "--filter", "orders.*", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            $"orders.placed,service.name=orders,tenant=acme value=180 {Nanoseconds(s_t0.AddSeconds(130))}",
            $"orders.placed,service.name=orders,tenant=globex value=30 {Nanoseconds(s_t0.AddSeconds(70))}",
        ], run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Export_InfluxHistogram_CountSumAndCumulativeBuckets()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--format", "influx", "--filter", "http.*", "--store", _store.Path);

        Assert.Equal(
            $"http.request.duration,http.route=/orders,service.name=orders count=14i,sum=700,10=4i,100=14i,1000=14i,+Inf=14i {Nanoseconds(s_t0.AddSeconds(70))}\n",
            run.Stdout);
    }

    [Theory]
    [InlineData("queue.*", new[] { "queue.length" })]
    [InlineData("*.placed", new[] { "orders.placed", "orders.placed" })]
    [InlineData("Queue.*", new string[0])]
    public async Task Export_Filter_OnlyMatchingNames(string filter, string[] expected)
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--json", "--filter", filter, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, JsonLines(run.Stdout).Select(l => l.GetProperty("metric").GetString()));
    }

    [Fact]
    public async Task List_Filter_OnlyMatchingRows()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--filter", "*.length", "--store", _store.Path);

        var rows = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("queue.length", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("prometheus")]
    [InlineData("influx")]
    public async Task Export_EmptyStore_SaysSoAndExitsZero(string format)
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("metrics", "--format", format, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("No metrics yet.", run.Stderr.Trim());
    }

    [Fact]
    public async Task Export_FilterMatchesNothing_SaysSo()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--format", "prometheus", "--filter", "shop.*", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("No metric matches 'shop.*'.", run.Stderr.Trim());
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static string Nanoseconds(DateTimeOffset time) => ((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
