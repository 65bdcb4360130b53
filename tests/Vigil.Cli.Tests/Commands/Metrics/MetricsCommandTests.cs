using System.Text.Json;
using Vigil.Model;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Metrics;

public sealed class MetricsCommandTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = CliHarness.Now.AddMinutes(-10);

    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task WriteMetricsAsync() => _store.WritePointsAsync(
        Some.Counter("orders.placed", 0, s_t0.AddSeconds(10), attributes: [new("tenant", "acme")]),
        Some.Counter("orders.placed", 60, s_t0.AddSeconds(70), attributes: [new("tenant", "acme")]),
        Some.Counter("orders.placed", 180, s_t0.AddSeconds(130), attributes: [new("tenant", "acme")]),
        Some.Counter("orders.placed", 0, s_t0.AddSeconds(10), attributes: [new("tenant", "globex")]),
        Some.Counter("orders.placed", 30, s_t0.AddSeconds(70), attributes: [new("tenant", "globex")]),
        Some.Gauge("queue.length", 4, s_t0.AddSeconds(10), attributes: [new("queue", "email\"urgent\"")]),
        Some.Gauge("queue.length", 8, s_t0.AddSeconds(20), attributes: [new("queue", "email\"urgent\"")]),
        Some.Gauge("queue.length", 2, s_t0.AddSeconds(70), attributes: [new("queue", "email\"urgent\"")]),
        Some.Histogram("http.request.duration", 10, [0, 10, 0, 0], s_t0.AddSeconds(10), new KeyValuePair<string, object?>("http.route", "/orders")),
        Some.Histogram("http.request.duration", 4, [4, 0, 0, 0], s_t0.AddSeconds(70), new KeyValuePair<string, object?>("http.route", "/orders")));

    private static List<JsonElement> JsonLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task Metrics_EmptyStore_HintOnStderr()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("metrics", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("No metrics yet", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_List_NameKindUnitLatest()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^NAME\s+KIND\s+UNIT\s+SERIES\s+LATEST\s+UPDATED", lines[0]);

        // Each over the 5 minutes up to the metric's latest point, every series combined:
        // the histogram's p95: buckets (0,10] 4 and (10,100] 10, rank 13.3 -> 10 + 90 * 9.3 / 10 = 93.7;
        // the counter's rate: acme +60 +120 and globex +30 between t0+10s and t0+130s, 210 / 120 s;
        // the gauge's last value.
        Assert.Matches(@"^http\.request\.duration\s+histogram\s+ms\s+1\s+p95 93\.7\s+8m ago\s+Request duration\.", lines[1]);
        Assert.Matches(@"^orders\.placed\s+sum\s+\{order\}\s+2\s+1\.75/s\s+7m ago", lines[2]);
        Assert.Matches(@"^queue\.length\s+gauge\s+-\s+1\s+last 2\s+8m ago", lines[3]);
    }

    [Theory]
    [InlineData("--since", "2h")]
    [InlineData("--until", "1h")]
    [InlineData("--step", "1m")]
    [InlineData("--by", "tenant")]
    [InlineData("--service", "orders")]
    [InlineData("-s", "orders")]
    [InlineData("--where", "tenant=acme")]
    public async Task Metrics_ListWithSeriesOnlyOption_UsageErrorNotSilentlyIgnored(string option, string value)
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", option, value, "--store", _store.Path);

        // The list takes no range or filter: the option would do nothing, so it is refused rather than ignored.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("only applies with a metric NAME", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Metric_Counter_RatePerGroup()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "orders.placed", "--since", "15m", "--step", "1m", "--json", "--store", _store.Path);

        var buckets = JsonLines(run.Stdout);
        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.Equal("counter", b.GetProperty("kind").GetString()));
        var acme = buckets.Where(b => b.GetProperty("labels").GetProperty("tenant").GetString() == "acme").ToList();
        var globex = buckets.Where(b => b.GetProperty("labels").GetProperty("tenant").GetString() == "globex").ToList();
        Assert.Equal(180, acme.Sum(b => b.GetProperty("increase").GetDouble()));
        Assert.Equal(30, globex.Sum(b => b.GetProperty("increase").GetDouble()));

        // 120 more orders in the minute from 11:51 to 11:52: two a second.
        var second = acme.Single(b => b.GetProperty("time").GetDateTimeOffset() == s_t0.AddMinutes(2));
        Assert.Equal(2, second.GetProperty("rate").GetDouble());
        Assert.Equal(60, second.GetProperty("stepSeconds").GetDouble());
    }

    [Fact]
    public async Task Metric_CounterByNothing_AllSeriesCombined()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "orders.placed", "--since", "15m", "--step", "15m", "--by", "service.name", "--json", "--store", _store.Path);

        var bucket = Assert.Single(JsonLines(run.Stdout));
        Assert.Equal("orders", bucket.GetProperty("labels").GetProperty("service.name").GetString());
        Assert.Equal(210, bucket.GetProperty("increase").GetDouble());
    }

    [Fact]
    public async Task Metric_Gauge_LastAndAverageTable()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "queue.length", "--since", "15m", "--step", "1m", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("queue.length  gauge", lines[0], StringComparison.Ordinal);
        Assert.Equal("{queue=\"email\"urgent\"\"}", lines[1]);
        Assert.Matches(@"^TIME\s+LAST\s+AVG$", lines[2]);
        Assert.Matches(@"^11:50:00\s+8\s+6$", lines[3]);
        Assert.Matches(@"^11:51:00\s+2\s+2$", lines[4]);
    }

    [Fact]
    public async Task Metric_Histogram_CountAndPercentiles()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "http.request.duration", "--since", "15m", "--step", "1m", "--json", "--store", _store.Path);

        var buckets = JsonLines(run.Stdout);
        Assert.Equal(2, buckets.Count);
        Assert.Equal("histogram", buckets[0].GetProperty("kind").GetString());
        Assert.Equal(10, buckets[0].GetProperty("count").GetInt64());
        var p50 = buckets[0].GetProperty("p50").GetDouble();
        Assert.InRange(p50, 10, 100);
        Assert.Equal(4, buckets[1].GetProperty("count").GetInt64());
        Assert.InRange(buckets[1].GetProperty("p99").GetDouble(), 0, 10);
    }

    [Fact]
    public async Task Metric_WithExemplars_TableNamesTheirSpansAndTheCommandThatOpensTheTrace()
    {
        // A slow request's span, and a histogram point whose exemplar is that request's duration, recorded in it.
        const string trace = "0af7651916cd43dd8448eb211c80319c";
        await _store.WriteSpansAsync(Some.Span("GET /orders", "b7ad6b7169203331", null, s_t0.AddSeconds(60), TimeSpan.FromMilliseconds(870), traceId: trace));
        var point = Some.Histogram("http.request.duration", 4, [3, 0, 0, 1], s_t0.AddSeconds(70), new KeyValuePair<string, object?>("http.route", "/orders")) with
        {
            Exemplars = [new MetricExemplar { Timestamp = s_t0.AddSeconds(61), Value = 0.87, TraceId = trace, SpanId = "b7ad6b7169203331" }, new MetricExemplar { Timestamp = s_t0.AddSeconds(62), Value = 0.01 }],
        };
        await _store.WritePointsAsync(point);

        var run = await _cli.RunAsync("metrics", "http.request.duration", "--since", "15m", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var exemplarLine = Assert.Single(run.Stdout.Split('\n'), l => l.Contains(trace, StringComparison.Ordinal) && !l.Contains("vigil traces", StringComparison.Ordinal));
        Assert.Contains("b7ad6b7169203331", exemplarLine, StringComparison.Ordinal);
        Assert.True(exemplarLine.Contains("0.87", StringComparison.Ordinal), exemplarLine);
        Assert.Contains("http.route=\"/orders\"", exemplarLine, StringComparison.Ordinal);
        Assert.Contains($"vigil traces {trace}", run.Stdout, StringComparison.Ordinal);

        // The exemplar with no trace links nowhere and is not listed; the printed command opens the span it names.
        Assert.DoesNotContain("0.01", run.Stdout, StringComparison.Ordinal);
        var opened = await _cli.RunAsync("traces", trace, "--store", _store.Path);
        Assert.Equal(0, opened.ExitCode);
        Assert.Contains("GET /orders", opened.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metric_WhereAndService_FilterSeries()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "orders.placed", "--since", "15m", "--where", "tenant=globex", "--service", "orders", "--json", "--store", _store.Path);

        var buckets = JsonLines(run.Stdout);
        Assert.NotEmpty(buckets);
        Assert.All(buckets, b => Assert.Equal("globex", b.GetProperty("labels").GetProperty("tenant").GetString()));
    }

    [Fact]
    public async Task Metric_Csv_LabelColumnsAndValues()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "queue.length", "--since", "15m", "--step", "1m", "--format", "csv", "--store", _store.Path);

        var lines = run.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,queue,last,avg", lines[0]);
        Assert.Equal("2026-11-23T11:50:00.0000000Z,\"email\"\"urgent\"\"\",8,6", lines[1]);
    }

    [Fact]
    public async Task Metric_UnknownName_ExitsThree()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "no.such.metric", "--store", _store.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no.such.metric", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metric_NoDataInRange_HintAndExitZero()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "queue.length", "--since", "1m", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("No data for queue.length", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("prometheus")]
    public async Task Metric_NoDataInRangeMachineFormat_WritesNothing(string format)
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "queue.length", "--since", "1m", "--format", format, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Metric_DefaultStep_ChosenFromRange()
    {
        await WriteMetricsAsync();

        var run = await _cli.RunAsync("metrics", "queue.length", "--json", "--store", _store.Path);

        // The default range is 1h; about 60 buckets means a 1m step.
        var bucket = JsonLines(run.Stdout)[0];
        Assert.Equal(60, bucket.GetProperty("stepSeconds").GetDouble());
    }
}
