using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Query;

/// <summary>The engine-independent maths, checked against values computed by hand.</summary>
public sealed class MetricAggregatorTests
{
    private static readonly DateTimeOffset s_from = Some.BaseTime;

    private static MetricQuery Query(int minutes = 2) =>
        new() { Name = "m", From = s_from, To = s_from.AddMinutes(minutes), Step = TimeSpan.FromMinutes(1) };

    [Fact]
    public void Aggregate_DeltaCounter_SumsIncreasesPerBucket()
    {
        // Arrange
        var series = Some.Counter(temporality: AggregationTemporality.Delta);
        var points = new[]
        {
            Some.Value(series, s_from.AddSeconds(10), 30),
            Some.Value(series, s_from.AddSeconds(50), 30),
            Some.Value(series, s_from.AddSeconds(70), 6),
            Some.Value(series, s_from.AddSeconds(200), 1000), // outside [from, to)
        };

        // Act
        var result = MetricAggregator.Aggregate(Query(), [new MetricSeriesData(series, points)]);

        // Assert
        var buckets = Assert.Single(result.Series).Buckets;
        Assert.Equal([60d, 6d], buckets.Select(b => b.Increase!.Value));
        Assert.Equal([1d, 0.1d], buckets.Select(b => Math.Round(b.Rate!.Value, 12)));
        Assert.Equal([s_from, s_from.AddMinutes(1)], buckets.Select(b => b.Time));
    }

    [Fact]
    public void Aggregate_CumulativeCounterWithoutBaseline_SkipsFirstPointUnlessItStartedInRange()
    {
        // Arrange: series a started long ago (its first value is history), b started inside the range.
        var a = Some.Counter(attributes: [new("s", "a")]);
        var b = Some.Counter(attributes: [new("s", "b")]);
        var old = s_from.AddHours(-1);
        var data = new[]
        {
            new MetricSeriesData(a, [Some.Value(a, s_from.AddSeconds(10), 500, old), Some.Value(a, s_from.AddSeconds(20), 530, old)]),
            new MetricSeriesData(b, [Some.Value(b, s_from.AddSeconds(10), 4, s_from.AddSeconds(5)), Some.Value(b, s_from.AddSeconds(20), 10, s_from.AddSeconds(5))]),
        };

        // Act
        var result = MetricAggregator.Aggregate(Query(1), data);

        // Assert
        Assert.Equal(30, result.Series[0].Buckets[0].Increase);
        Assert.Equal(10, result.Series[1].Buckets[0].Increase);
    }

    [Fact]
    public void Aggregate_CumulativeCounterDropsWithoutNewStartTime_TreatsDropAsReset()
    {
        // Arrange
        var series = Some.Counter();
        var points = new[]
        {
            Some.Value(series, s_from.AddSeconds(-5), 100),
            Some.Value(series, s_from.AddSeconds(10), 110),
            Some.Value(series, s_from.AddSeconds(20), 4),
            Some.Value(series, s_from.AddSeconds(30), 9),
        };

        // Act
        var result = MetricAggregator.Aggregate(Query(1), [new MetricSeriesData(series, points)]);

        // Assert: 10 before the reset, 4 counted from zero, then 5.
        Assert.Equal(19, Assert.Single(Assert.Single(result.Series).Buckets).Increase);
    }

    [Fact]
    public void Aggregate_Gauges_ReturnLastSummedOverSeriesAndAverageOfAllValues()
    {
        // Arrange
        var a = Some.Gauge(attributes: [new("q", "a")]);
        var b = Some.Gauge(attributes: [new("q", "b")]);
        var data = new[]
        {
            new MetricSeriesData(a, [Some.Value(a, s_from.AddSeconds(1), 2), Some.Value(a, s_from.AddSeconds(30), 4)]),
            new MetricSeriesData(b, [Some.Value(b, s_from.AddSeconds(10), 12)]),
        };

        // Act
        var perSeries = MetricAggregator.Aggregate(Query(1), data);
        var combined = MetricAggregator.Aggregate(Query(1) with { GroupBy = [] }, data);

        // Assert
        Assert.Equal(4, perSeries.Series[0].Buckets[0].Last);
        Assert.Equal(3, perSeries.Series[0].Buckets[0].Average);
        Assert.Equal(12, perSeries.Series[1].Buckets[0].Last);
        var bucket = Assert.Single(Assert.Single(combined.Series).Buckets);
        Assert.Equal(16, bucket.Last);
        Assert.Equal(6, bucket.Average);
        Assert.Null(bucket.Rate);
    }

    [Fact]
    public void Aggregate_DeltaHistogram_InterpolatesPercentilesFromMergedBuckets()
    {
        // Arrange: bounds 10, 20, 50; two points add up to [2, 6, 2, 0].
        var series = Some.Histogram();
        var points = new[]
        {
            Some.HistogramPoint(series, s_from.AddSeconds(1), [1, 2, 1, 0]),
            Some.HistogramPoint(series, s_from.AddSeconds(2), [1, 4, 1, 0]),
        };

        // Act
        var bucket = Assert.Single(Assert.Single(MetricAggregator.Aggregate(Query(1), [new MetricSeriesData(series, points)]).Series).Buckets);

        // Assert: rank 5 of 10 is 3 into the 6 values of (10, 20]: 10 + 10 * 3/6.
        Assert.Equal(10, bucket.Count);
        Assert.Equal(15, bucket.P50!.Value, 9);
        Assert.Equal(42.5, bucket.P95!.Value, 9); // rank 9.5: 20 + 30 * 1.5/2
        Assert.Equal(48.5, bucket.P99!.Value, 9); // rank 9.9: 20 + 30 * 1.9/2
    }

    [Fact]
    public void Aggregate_HistogramWithMinMax_PercentilesStayWithinTheRecordedRange()
    {
        // Arrange: the same counts as above, but the points say no value exceeded 31 nor fell below 12.
        var series = Some.Histogram();
        var first = Some.HistogramPoint(series, s_from.AddSeconds(1), [1, 2, 1, 0]);
        var second = Some.HistogramPoint(series, s_from.AddSeconds(2), [1, 4, 1, 0]);
        var points = new[]
        {
            first with { Histogram = first.Histogram! with { Min = 12, Max = 31 } },
            second with { Histogram = second.Histogram! with { Min = 14, Max = 25 } },
        };

        // Act
        var bucket = Assert.Single(Assert.Single(MetricAggregator.Aggregate(Query(1), [new MetricSeriesData(series, points)]).Series).Buckets);

        // Assert: interpolation alone gives 42.5 and 48.5 (above); the recorded maximum caps them.
        Assert.Equal(15, bucket.P50!.Value, 9);
        Assert.Equal(31, bucket.P95!.Value, 9);
        Assert.Equal(31, bucket.P99!.Value, 9);
    }

    [Fact]
    public void Aggregate_CumulativeHistogram_UsesDifferencesBetweenPointsAndResets()
    {
        // Arrange
        var series = Some.Histogram(temporality: AggregationTemporality.Cumulative);
        var start = s_from.AddHours(-1);
        var points = new[]
        {
            Some.HistogramPoint(series, s_from.AddSeconds(-10), [10, 10, 0, 0], start: start),
            Some.HistogramPoint(series, s_from.AddSeconds(30), [10, 14, 0, 0], start: start),   // +4 in (10, 20]
            Some.HistogramPoint(series, s_from.AddSeconds(70), [0, 0, 4, 0], start: s_from.AddSeconds(60)), // reset: 4 in (20, 50]
        };

        // Act
        var buckets = Assert.Single(MetricAggregator.Aggregate(Query(), [new MetricSeriesData(series, points)]).Series).Buckets;

        // Assert
        Assert.Equal(4, buckets[0].Count);
        Assert.Equal(15, buckets[0].P50!.Value, 9);   // rank 2 of 4 in (10, 20]
        Assert.Equal(4, buckets[1].Count);
        Assert.Equal(35, buckets[1].P50!.Value, 9);   // rank 2 of 4 in (20, 50]
    }

    [Fact]
    public void Aggregate_RankInOverflowBucket_ReportsHighestFiniteBound()
    {
        // Arrange
        var series = Some.Histogram();
        var points = new[] { Some.HistogramPoint(series, s_from, [0, 0, 1, 9]) };

        // Act
        var bucket = Assert.Single(Assert.Single(MetricAggregator.Aggregate(Query(1), [new MetricSeriesData(series, points)]).Series).Buckets);

        // Assert
        Assert.Equal(50, bucket.P99);
    }

    [Fact]
    public void Aggregate_ExponentialHistogramsAtDifferentScales_MergeAtTheCoarserScale()
    {
        // Arrange: scale 1 buckets 2 and 3 ((2, 2.83], (2.83, 4]) fold into scale 0 bucket 1 ((2, 4]).
        var series = Some.Histogram("e") with { Kind = MetricKind.ExponentialHistogram };
        MetricPoint Point(int scale, int offset, long[] counts) => new()
        {
            Series = series,
            Timestamp = s_from.AddSeconds(1),
            ExponentialHistogram = new ExponentialHistogramData { Scale = scale, PositiveOffset = offset, PositiveBucketCounts = counts, Count = counts.Sum() },
        };
        var points = new[] { Point(1, 2, [1, 1]), Point(0, 1, [2]) };

        // Act
        var bucket = Assert.Single(Assert.Single(MetricAggregator.Aggregate(Query(1), [new MetricSeriesData(series, points)]).Series).Buckets);

        // Assert: 4 values in (2, 4]; rank 2 is half way.
        Assert.Equal(4, bucket.Count);
        Assert.Equal(3, bucket.P50!.Value, 9);
    }

    [Fact]
    public void Aggregate_GroupByServiceName_UsesTheResource()
    {
        // Arrange
        var api = Some.Counter(temporality: AggregationTemporality.Delta, service: "api");
        var worker = Some.Counter(temporality: AggregationTemporality.Delta, service: "worker");
        var data = new[]
        {
            new MetricSeriesData(api, [Some.Value(api, s_from, 1)]),
            new MetricSeriesData(worker, [Some.Value(worker, s_from, 2)]),
        };

        // Act
        var result = MetricAggregator.Aggregate(Query(1) with { GroupBy = ["service.name"] }, data);

        // Assert
        Assert.Equal(["api", "worker"], result.Series.Select(s => s.Labels["service.name"]));
    }
}
