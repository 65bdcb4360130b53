using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task QueryMetricAsync_EveryPointKind_RoundTripsItsData()
    {
        // Arrange
        var histogram = Some.Histogram();
        var exponential = Some.Histogram("rpc.duration") with { Kind = MetricKind.ExponentialHistogram };
        var summary = Some.Gauge("gc.pause") with { Kind = MetricKind.Summary };
        await WritePointsAsync(
            new MetricPoint
            {
                Series = histogram,
                Timestamp = Some.BaseTime.AddSeconds(1),
                StartTimestamp = Some.BaseTime,
                Histogram = new HistogramData { Count = 10, Sum = 250, Min = 1, Max = 49, ExplicitBounds = [10, 20, 50], BucketCounts = [2, 6, 2, 0] },
            },
            new MetricPoint
            {
                Series = exponential,
                Timestamp = Some.BaseTime.AddSeconds(1),
                ExponentialHistogram = new ExponentialHistogramData
                {
                    Count = 6, Sum = 12, Min = -1, Max = 4, Scale = 0, ZeroCount = 1, ZeroThreshold = 0.001,
                    PositiveOffset = 0, PositiveBucketCounts = [1, 2, 1], NegativeOffset = -1, NegativeBucketCounts = [1],
                },
            },
            new MetricPoint
            {
                Series = summary,
                Timestamp = Some.BaseTime.AddSeconds(1),
                Summary = new SummaryData { Count = 4, Sum = 8, Quantiles = [new(0.5, 1.5), new(0.99, 4)] },
            });
        var query = new MetricQuery { From = Some.BaseTime, To = Some.BaseTime.AddMinutes(1), Step = TimeSpan.FromMinutes(1) };

        // Act
        var h = await Store.QueryMetricAsync(query with { Name = "http.duration" });
        var e = await Store.QueryMetricAsync(query with { Name = "rpc.duration" });
        var s = await Store.QueryMetricAsync(query with { Name = "gc.pause" });

        // Assert: the aggregations can only come out like this if every bucket count survived.
        var hb = Assert.Single(Assert.Single(h.Series).Buckets);
        Assert.Equal(MetricKind.Histogram, h.Kind);
        Assert.Equal(10, hb.Count);
        Assert.Equal(15, hb.P50!.Value, 9);
        var eb = Assert.Single(Assert.Single(e.Series).Buckets);
        Assert.Equal(6, eb.Count);
        Assert.Equal(2, eb.P50!.Value, 9);
        var sb = Assert.Single(Assert.Single(s.Series).Buckets);
        Assert.Equal(4, sb.Count);
        Assert.Equal(1.5, sb.P50);
        Assert.Equal(4, sb.P99);
        Assert.Null(sb.P95);
    }

    [Fact]
    public async Task QueryMetricAsync_CumulativeCounterWithReset_ReturnsRatePerSecond()
    {
        // Arrange: 0 -> 60 -> 120 in the first minute, then the process restarts and counts 30.
        var series = Some.Counter();
        var start = Some.BaseTime;
        await WritePointsAsync(
            Some.Value(series, start.AddSeconds(-30), 0, start: start.AddMinutes(-5)),
            Some.Value(series, start.AddSeconds(30), 60, start: start.AddMinutes(-5)),
            Some.Value(series, start.AddSeconds(59), 120, start: start.AddMinutes(-5)),
            Some.Value(series, start.AddSeconds(90), 30, start: start.AddSeconds(61)));

        // Act
        var result = await Store.QueryMetricAsync(new MetricQuery
        {
            Name = "http.requests",
            From = start,
            To = start.AddMinutes(2),
            Step = TimeSpan.FromMinutes(1),
        });

        // Assert
        var buckets = Assert.Single(result.Series).Buckets;
        Assert.Equal(2, buckets.Count);
        Assert.Equal(120, buckets[0].Increase);
        Assert.Equal(2, buckets[0].Rate);
        Assert.Equal(30, buckets[1].Increase);
        Assert.Equal(0.5, buckets[1].Rate);
    }

    [Fact]
    public async Task QueryMetricAsync_GroupByKey_CombinesSeriesThatAgree()
    {
        // Arrange
        var start = Some.BaseTime;
        var euGet = Some.Counter(temporality: AggregationTemporality.Delta, attributes: [new("region", "eu"), new("method", "GET")]);
        var euPost = Some.Counter(temporality: AggregationTemporality.Delta, attributes: [new("region", "eu"), new("method", "POST")]);
        var us = Some.Counter(temporality: AggregationTemporality.Delta, attributes: [new("region", "us"), new("method", "GET")]);
        await WritePointsAsync(
            Some.Value(euGet, start.AddSeconds(10), 10),
            Some.Value(euPost, start.AddSeconds(10), 20),
            Some.Value(us, start.AddSeconds(10), 5));
        var query = new MetricQuery { Name = "http.requests", From = start, To = start.AddMinutes(1), Step = TimeSpan.FromMinutes(1) };

        // Act
        var byRegion = await Store.QueryMetricAsync(query with { GroupBy = ["region"] });
        var bySet = await Store.QueryMetricAsync(query);
        var filtered = await Store.QueryMetricAsync(query with { Attributes = [new("method", "GET")], GroupBy = [] });

        // Assert
        Assert.Equal(2, byRegion.Series.Count);
        Assert.Equal("eu", byRegion.Series[0].Labels["region"]);
        Assert.Equal(30, byRegion.Series[0].Buckets[0].Increase);
        Assert.Equal("us", byRegion.Series[1].Labels["region"]);
        Assert.Equal(5, byRegion.Series[1].Buckets[0].Increase);
        Assert.Equal(3, bySet.Series.Count);
        Assert.Equal(15, Assert.Single(Assert.Single(filtered.Series).Buckets).Increase);
    }

    [Fact]
    public async Task QueryMetricAsync_ServiceFilter_UsesOnlyThatServicesSeries()
    {
        // Arrange
        await WritePointsAsync(
            Some.Value(Some.Counter(temporality: AggregationTemporality.Delta, service: "api"), Some.BaseTime.AddSeconds(1), 7),
            Some.Value(Some.Counter(temporality: AggregationTemporality.Delta, service: "worker"), Some.BaseTime.AddSeconds(1), 100));

        // Act
        var result = await Store.QueryMetricAsync(new MetricQuery
        {
            Name = "http.requests",
            ServiceName = "api",
            From = Some.BaseTime,
            To = Some.BaseTime.AddMinutes(1),
            Step = TimeSpan.FromMinutes(1),
        });

        // Assert
        Assert.Equal(7, Assert.Single(Assert.Single(result.Series).Buckets).Increase);
    }

    [Fact]
    public async Task ListMetricsAsync_SeveralMetrics_ListsEachWithKindUnitAndLatestValue()
    {
        // Arrange
        var a = Some.Gauge(attributes: [new("queue", "a")]);
        var b = Some.Gauge(attributes: [new("queue", "b")]);
        await WritePointsAsync(
            Some.Value(a, Some.BaseTime, 1),
            Some.Value(b, Some.BaseTime.AddSeconds(5), 9),
            Some.Value(a, Some.BaseTime.AddSeconds(2), 4),
            Some.Value(Some.Counter(), Some.BaseTime, 100, start: Some.BaseTime),
            Some.HistogramPoint(Some.Histogram(), Some.BaseTime.AddSeconds(1), [1, 2, 3, 0]));

        // Act
        var metrics = await Store.ListMetricsAsync();

        // Assert
        Assert.Equal(["http.duration", "http.requests", "queue.length"], metrics.Select(m => m.Name));
        var queue = metrics[2];
        Assert.Equal(MetricKind.Gauge, queue.Kind);
        Assert.Equal("{item}", queue.Unit);
        Assert.Equal(2, queue.SeriesCount);
        Assert.Equal(9, queue.LatestValue);
        Assert.Equal(Some.BaseTime.AddSeconds(5), queue.LatestTime);
        Assert.Equal("Requests handled", metrics[1].Description);
        Assert.Equal(MetricKind.Histogram, metrics[0].Kind);
        Assert.Equal(6, metrics[0].LatestValue);
    }

    [Fact]
    public async Task QueryMetricAsync_UnknownMetric_ReturnsNoSeries()
    {
        // Act
        var result = await Store.QueryMetricAsync(new MetricQuery { Name = "nope", From = Some.BaseTime, To = Some.BaseTime.AddHours(1) });

        // Assert
        Assert.Null(result.Kind);
        Assert.Empty(result.Series);
    }
}
