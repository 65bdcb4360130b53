using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Metric;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>The metric kind on a real SQLite store: every value is recomputed here from the points written.</summary>
public sealed class MetricConditionTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = ConditionHarness.Now;
    private readonly ConditionHarness _harness = new();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static AlertRuleOptions Rule(string aggregation, double threshold, string? window = "5m", string? comparison = null, params string[] groupBy)
    {
        var metric = new MetricRuleOptions { Name = "http.requests", Aggregation = aggregation, Window = window, Comparison = comparison, Threshold = threshold };
        foreach (var name in groupBy)
        {
            metric.GroupBy.Add(name);
        }

        return new AlertRuleOptions { Name = "Requests", Kind = "metric", Metric = metric };
    }

    private static MetricSeriesInfo Series(string name, MetricKind kind, string region, string service = "shop", bool monotonic = false) => new()
    {
        Name = name,
        Kind = kind,
        Temporality = AggregationTemporality.Cumulative,
        IsMonotonic = monotonic,
        Attributes = [new("region", region)],
        Resource = ConditionHarness.Resource(service),
    };

    private static MetricPoint Point(MetricSeriesInfo series, DateTimeOffset time, double value) =>
        new() { Series = series, Timestamp = time, StartTimestamp = Now.AddHours(-1), Value = value };

    /// <summary>Two counter series: a baseline before the window, then points inside; the window's increase is last − baseline.</summary>
    private async Task<Dictionary<string, double>> WriteCountersAsync()
    {
        var increases = new Dictionary<string, double>();
        foreach (var (region, values) in new[] { ("eu", new double[] { 100, 130, 190, 400 }), ("us", new double[] { 10, 12, 15, 16 }) })
        {
            var series = Series("http.requests", MetricKind.Sum, region, monotonic: true);
            await _harness.WriteAsync(new TelemetryBatch
            {
                MetricPoints = [Point(series, Now.AddMinutes(-6), values[0]), Point(series, Now.AddMinutes(-4), values[1]), Point(series, Now.AddMinutes(-2), values[2]), Point(series, Now.AddSeconds(-1), values[3])],
            });
            increases[region] = values[3] - values[0];
        }

        return increases;
    }

    [Fact]
    public async Task Evaluate_RateGroupedByAttribute_IsEachGroupsIncreaseOverTheWindow()
    {
        var increases = await WriteCountersAsync();

        var samples = await _harness.EvaluateAsync(Rule("rate", 0.5, "5m", ">", "region"));

        Assert.Equal(2, samples.Count);
        var eu = Assert.Single(samples, s => s.Labels["region"] == "eu");
        var us = Assert.Single(samples, s => s.Labels["region"] == "us");
        Assert.Equal(increases["eu"] / 300, eu.Value!.Value, 9);
        Assert.Equal(increases["us"] / 300, us.Value!.Value, 9);
        Assert.True(eu.IsActive);
        Assert.False(us.IsActive);
        Assert.Equal(0.5, eu.Threshold);
        Assert.Contains("rate of http.requests {region=\"eu\"} over 5m = ", eu.Evidence.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_IncreaseWithoutGrouping_CombinesEverySeries()
    {
        var increases = await WriteCountersAsync();

        var sample = Assert.Single(await _harness.EvaluateAsync(Rule("increase", 100)));

        Assert.Equal(increases.Values.Sum(), sample.Value);
        Assert.Empty(sample.Labels);
        Assert.True(sample.IsActive);
    }

    [Theory]
    [InlineData("min")]
    [InlineData("max")]
    [InlineData("avg")]
    [InlineData("last")]
    public async Task Evaluate_GaugeAggregations_MatchThePointsInTheWindow(string aggregation)
    {
        // Arrange: one value before the window, which no aggregation may see.
        double[] inside = [7, 3, 11, 5];
        var series = Series("queue.depth", MetricKind.Gauge, "eu");
        await _harness.WriteAsync(new TelemetryBatch { MetricPoints = [Point(series, Now.AddMinutes(-9), 1000), .. inside.Select((v, i) => Point(series, Now.AddMinutes(-4 + i), v))] });
        var rule = Rule(aggregation, 6, comparison: ">=");
        rule.Metric!.Name = "queue.depth";

        // Act
        var sample = Assert.Single(await _harness.EvaluateAsync(rule));

        // Assert
        var expected = aggregation switch { "min" => inside.Min(), "max" => inside.Max(), "avg" => inside.Average(), _ => inside[^1] };
        Assert.Equal(expected, sample.Value);
        Assert.Equal(expected >= 6, sample.IsActive);
    }

    [Fact]
    public async Task Evaluate_HistogramPercentiles_InterpolateTheWindowsCounts()
    {
        // Arrange: a delta histogram, 100 values: 50 ≤ 0.1, 40 in (0.1, 0.5], 10 in (0.5, 1].
        var series = new MetricSeriesInfo { Name = "http.duration", Kind = MetricKind.Histogram, Temporality = AggregationTemporality.Delta, Resource = ConditionHarness.Resource("shop") };
        MetricPoint Histogram(DateTimeOffset time, long[] counts) => new()
        {
            Series = series,
            Timestamp = time,
            Histogram = new HistogramData { Count = counts.Sum(), Sum = 20, ExplicitBounds = [0.1, 0.5, 1], BucketCounts = counts },
        };
        await _harness.WriteAsync(new TelemetryBatch { MetricPoints = [Histogram(Now.AddMinutes(-3), [30, 20, 5, 0]), Histogram(Now.AddMinutes(-1), [20, 20, 5, 0])] });
        var rule = Rule("p90", 0.4);
        rule.Metric!.Name = "http.duration";

        // Act
        var p90 = Assert.Single(await _harness.EvaluateAsync(rule));
        rule.Metric.Aggregation = "p50";
        var p50 = Assert.Single(await _harness.EvaluateAsync(rule));
        rule.Metric.Aggregation = "rate";
        var rate = Assert.Single(await _harness.EvaluateAsync(rule));

        // Assert: rank 90 is the 40th of 40 in (0.1, 0.5] → 0.5; rank 50 is the last of the first bucket → 0.1.
        Assert.Equal(0.5, p90.Value!.Value, 9);
        Assert.Equal(0.1, p50.Value!.Value, 9);
        Assert.True(p90.IsActive);
        Assert.Equal(100 / 300.0, rate.Value!.Value, 9);
    }

    [Fact]
    public async Task Evaluate_EmptyWindow_GivesNoSampleRatherThanZero()
    {
        // Arrange: the only points are older than the window (a counter with no point inside has no rate).
        var series = Series("http.requests", MetricKind.Sum, "eu", monotonic: true);
        await _harness.WriteAsync(new TelemetryBatch { MetricPoints = [Point(series, Now.AddMinutes(-30), 5), Point(series, Now.AddMinutes(-20), 9)] });

        var samples = await _harness.EvaluateAsync(Rule("rate", 0, comparison: "<=", groupBy: "region"));

        Assert.Empty(samples);
    }

    [Fact]
    public async Task Evaluate_GroupByServiceName_LabelsEachInstanceWithService()
    {
        await _harness.WriteAsync(new TelemetryBatch
        {
            MetricPoints =
            [
                Point(Series("jobs", MetricKind.Gauge, "eu", "billing"), Now.AddMinutes(-1), 4),
                Point(Series("jobs", MetricKind.Gauge, "eu", "shop"), Now.AddMinutes(-1), 9),
            ],
        });
        var rule = Rule("last", 5, groupBy: ["service.name", "http.route"]);
        rule.Metric!.Name = "jobs";

        var samples = await _harness.EvaluateAsync(rule);

        Assert.Equal(["billing", "shop"], samples.Select(s => s.Labels["service"]).Order());
        Assert.True(Assert.Single(samples, s => s.Labels["service"] == "shop").IsActive);
        Assert.All(samples, s => Assert.False(s.Labels.ContainsKey("http_route"))); // an attribute the series lack is no label
    }

    [Theory]
    [InlineData("median", null, "Alerts:Rules:0:Metric:Aggregation", "rate, increase, avg, min, max, last, p50, p90, p95, p99")]
    [InlineData("rate", "-5m", "Alerts:Rules:0:Metric:Window", "a number and a unit")]
    [InlineData("rate", "0s", "Alerts:Rules:0:Metric:Window", "from 1s to 7d")]
    [InlineData("rate", "30d", "Alerts:Rules:0:Metric:Window", "from 1s to 7d")]
    public void Validate_BadAggregationOrWindow_NamesTheFieldAndWhatIsAllowed(string aggregation, string? window, string path, string allowed)
    {
        var problems = ConditionHarness.Validate(Rule(aggregation, 1, window));

        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(allowed, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostileFields_AreEachReported()
    {
        // Arrange: a huge group-by list, a bad comparison, no threshold, no name, no Metric section at all.
        var rule = Rule("rate", 1, groupBy: [.. Enumerable.Range(0, 500).Select(i => "a" + i)]);
        rule.Metric!.Comparison = "=>";
        rule.Metric.Threshold = double.NaN;
        rule.Metric.Name = new string('x', 10_000);
        var colliding = Rule("rate", 1, groupBy: ["http.route", "http_route", "9lives"]);

        // Act
        var problems = ConditionHarness.Validate(rule);
        var collisions = ConditionHarness.Validate(colliding);
        var missing = ConditionHarness.Validate(new AlertRuleOptions { Name = "x", Kind = "metric" });
        var empty = ConditionHarness.Validate(new AlertRuleOptions { Name = "x", Kind = "metric", Metric = new MetricRuleOptions() });

        // Assert
        Assert.Equal(
            ["Alerts:Rules:0:Metric:Comparison", "Alerts:Rules:0:Metric:GroupBy", "Alerts:Rules:0:Metric:Name", "Alerts:Rules:0:Metric:Threshold"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("at most 16", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains(">, >=, <, <=, == or !=", StringComparison.Ordinal));
        Assert.Equal(["Alerts:Rules:0:Metric:GroupBy:1", "Alerts:Rules:0:Metric:GroupBy:2"], collisions.Select(p => p.Path));
        Assert.Equal("Alerts:Rules:0:Metric", Assert.Single(missing).Path);
        Assert.Equal(["Alerts:Rules:0:Metric:Aggregation", "Alerts:Rules:0:Metric:Name", "Alerts:Rules:0:Metric:Threshold"], empty.Select(p => p.Path).Order(StringComparer.Ordinal));
    }
}
