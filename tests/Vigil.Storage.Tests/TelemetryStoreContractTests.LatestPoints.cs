using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task ReadLatestPointsAsync_SeveralPointsPerSeries_ReturnsEachSeriesNewestWhole()
    {
        // Arrange: two counter series, a histogram and a gauge, each with older points; the newest counter point is
        // written first and an older one after it, so arrival order is not the answer.
        var acme = Some.Counter(attributes: [new("tenant", "acme")]);
        var globex = Some.Counter(attributes: [new("tenant", "globex")], service: "billing");
        var histogram = Some.Histogram(temporality: AggregationTemporality.Cumulative) with { Description = "Request time" };
        var gauge = Some.Gauge();
        var t = Some.BaseTime;
        await WritePointsAsync(Some.Value(acme, t.AddSeconds(30), 75, start: t), Some.Value(globex, t.AddSeconds(10), 4, start: t));
        await WritePointsAsync(
            Some.Value(acme, t.AddSeconds(10), 20, start: t),
            Some.Value(acme, t.AddSeconds(20), 50, start: t),
            Some.Value(globex, t.AddSeconds(5), 1, start: t),
            Some.HistogramPoint(histogram, t.AddSeconds(10), [1, 1, 0, 0], start: t),
            Some.HistogramPoint(histogram, t.AddSeconds(40), [3, 5, 2, 1], [5, 25, 100], start: t) with
            {
                Histogram = new HistogramData { Count = 11, Sum = 321.5, Min = 0.5, Max = 180, ExplicitBounds = [5, 25, 100], BucketCounts = [3, 5, 2, 1] },
            },
            Some.Value(gauge, t.AddSeconds(15), 9),
            Some.Value(gauge, t.AddSeconds(25), 7));

        // Act
        var points = await Store.ReadLatestPointsAsync(new LatestPointsQuery());

        // Assert: one point per series, in name order, each the newest written for it, with its series whole.
        Assert.Equal(["http.duration", "http.requests", "http.requests", "queue.length"], points.Select(p => p.Series.Name));
        var h = points[0];
        Assert.Equal(t.AddSeconds(40), h.Timestamp);
        Assert.Equal(t, h.StartTimestamp);
        Assert.Equal(MetricKind.Histogram, h.Series.Kind);
        Assert.Equal(AggregationTemporality.Cumulative, h.Series.Temporality);
        Assert.Equal("ms", h.Series.Unit);
        Assert.Equal("Request time", h.Series.Description);
        Assert.Equal(new HistogramData { Count = 11, Sum = 321.5, Min = 0.5, Max = 180, ExplicitBounds = [5, 25, 100], BucketCounts = [3, 5, 2, 1] } with
        {
            ExplicitBounds = h.Histogram!.ExplicitBounds, BucketCounts = h.Histogram.BucketCounts,
        }, h.Histogram);
        Assert.Equal([5, 25, 100], h.Histogram.ExplicitBounds);
        Assert.Equal([3, 5, 2, 1], h.Histogram.BucketCounts);

        var counters = points.Skip(1).Take(2).ToDictionary(p => (string)p.Series.Attributes.Single(a => a.Key == "tenant").Value!);
        Assert.Equal(75, counters["acme"].Value);
        Assert.Equal(t.AddSeconds(30), counters["acme"].Timestamp);
        Assert.Equal(4, counters["globex"].Value);
        Assert.Equal("billing", counters["globex"].Series.Resource.ServiceName);
        Assert.True(counters["acme"].Series.IsMonotonic);
        Assert.Equal("Requests handled", counters["acme"].Series.Description);
        Assert.Equal(7, points[3].Value);
        Assert.Equal(t.AddSeconds(25), points[3].Timestamp);
    }

    [Fact]
    public async Task ReadLatestPointsAsync_ExponentialHistogramAndSummary_KeepTheirData()
    {
        // Arrange
        var exponential = Some.Histogram("rpc.duration", AggregationTemporality.Cumulative) with { Kind = MetricKind.ExponentialHistogram };
        var summary = Some.Gauge("gc.pause") with { Kind = MetricKind.Summary };
        var data = new ExponentialHistogramData
        {
            Count = 6, Sum = 12, Min = -1, Max = 4, Scale = 1, ZeroCount = 1, ZeroThreshold = 0.001,
            PositiveOffset = 2, PositiveBucketCounts = [1, 2, 1], NegativeOffset = -1, NegativeBucketCounts = [1],
        };
        await WritePointsAsync(
            new MetricPoint { Series = exponential, Timestamp = Some.BaseTime.AddSeconds(1), ExponentialHistogram = data },
            new MetricPoint { Series = summary, Timestamp = Some.BaseTime.AddSeconds(1), Summary = new SummaryData { Count = 4, Sum = 8, Quantiles = [new(0.5, 1.5), new(0.99, 4)] } });

        // Act
        var points = await Store.ReadLatestPointsAsync(new LatestPointsQuery());

        // Assert
        Assert.Equal(["gc.pause", "rpc.duration"], points.Select(p => p.Series.Name));
        var s = points[0].Summary!;
        Assert.Equal((4L, 8.0), (s.Count, s.Sum));
        Assert.Equal([new(0.5, 1.5), new(0.99, 4)], s.Quantiles);
        var e = points[1].ExponentialHistogram!;
        Assert.Equal((6L, 12.0, -1.0, 4.0, 1, 1L, 0.001, 2, -1), (e.Count, e.Sum!.Value, e.Min!.Value, e.Max!.Value, e.Scale, e.ZeroCount, e.ZeroThreshold, e.PositiveOffset, e.NegativeOffset));
        Assert.Equal([1, 2, 1], e.PositiveBucketCounts);
        Assert.Equal([1], e.NegativeBucketCounts);
    }

    [Theory]
    [InlineData("http.*", new[] { "http.duration", "http.requests" })]
    [InlineData("*.length", new[] { "queue.length" })]
    [InlineData("queue.length", new[] { "queue.length" })]
    [InlineData("*e*t*", new[] { "http.requests", "queue.length" })]
    [InlineData("HTTP.*", new string[0])]
    [InlineData("queue", new string[0])]
    [InlineData("a_b", new[] { "a_b" })]
    [InlineData("a%b", new[] { "a%b" })]
    [InlineData("a?b", new[] { "a?b" })]
    [InlineData("a[x]b", new[] { "a[x]b" })]
    [InlineData("a\\*", new[] { "a\\b" })]
    [InlineData("*", new[] { "a%b", "a?b", "a[x]b", "a\\b", "a_b", "axb", "http.duration", "http.requests", "queue.length" })]
    public async Task ReadLatestPointsAsync_NamePattern_MatchesAsNamePatternDoes(string pattern, string[] expected)
    {
        // Arrange: names with every character LIKE or GLOB would take for a wildcard or an escape.
        string[] names = ["http.requests", "http.duration", "queue.length", "a_b", "axb", "a%b", "a?b", "a[x]b", "a\\b"];
        await WritePointsAsync([.. names.Select((name, i) => Some.Value(Some.Gauge(name), Some.BaseTime.AddSeconds(i), i))]);

        // Act
        var points = await Store.ReadLatestPointsAsync(new LatestPointsQuery { NamePattern = pattern });

        // Assert: the engine's SQL and the grammar's own matcher agree, and the order is the names' byte order.
        Assert.Equal(expected, points.Select(p => p.Series.Name));
        Assert.Equal(names.Where(n => Model.Text.NamePattern.IsMatch(pattern, n)).Order(StringComparer.Ordinal), points.Select(p => p.Series.Name));
    }

    [Fact]
    public async Task ReadLatestPointsAsync_Limit_ReturnsTheFirstSeriesByName()
    {
        // Arrange
        var t = Some.BaseTime;
        await WritePointsAsync(Some.Value(Some.Gauge("c"), t, 3), Some.Value(Some.Gauge("a"), t, 1), Some.Value(Some.Gauge("b"), t, 2), Some.Value(Some.Gauge("b"), t.AddSeconds(1), 20));

        // Act
        var points = await Store.ReadLatestPointsAsync(new LatestPointsQuery { Limit = 2 });

        // Assert
        Assert.Equal([("a", 1.0), ("b", 20.0)], points.Select(p => (p.Series.Name, p.Value!.Value)));
    }

    [Fact]
    public async Task ReadLatestPointsAsync_EmptyStore_ReturnsNothing()
    {
        // Act
        var points = await Store.ReadLatestPointsAsync(new LatestPointsQuery { NamePattern = "*" });

        // Assert
        Assert.Empty(points);
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("a\nb", 10)]
    [InlineData("*", 0)]
    [InlineData("*", LatestPointsQuery.MaxLimit + 1)]
    public async Task ReadLatestPointsAsync_BadQuery_Throws(string pattern, int limit)
    {
        // Act + Assert
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ReadLatestPointsAsync(new LatestPointsQuery { NamePattern = pattern, Limit = limit }));
    }
}
