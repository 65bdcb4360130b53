using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>A rate for the current, partial step is per second of the time it covers (issue 11, item 2).</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Theory]
    [InlineData(AggregationTemporality.Cumulative)]
    [InlineData(AggregationTemporality.Delta)]
    public async Task QueryMetricAsync_SeriesStartedInsideTheCurrentStep_RateIsPerSecondSinceItsStart(AggregationTemporality temporality)
    {
        // Arrange: an 8-second run, counting 25 orders from t+2s to t+10s, queried at t+10s ("now").
        var t = Some.BaseTime;
        var series = Some.Counter("shop.orders", temporality);
        var started = t.AddSeconds(2);
        (int Second, double Total)[] exports = [(4, 6), (6, 12), (8, 18), (10, 25)];
        var previous = (Second: 2, Total: 0d);
        var points = new List<MetricPoint>();
        foreach (var export in exports)
        {
            points.Add(temporality == AggregationTemporality.Cumulative
                ? Some.Value(series, t.AddSeconds(export.Second), export.Total, start: started)
                : Some.Value(series, t.AddSeconds(export.Second), export.Total - previous.Total, start: t.AddSeconds(previous.Second)));
            previous = export;
        }

        await WritePointsAsync([.. points]);
        Clock.Pinned = t.AddSeconds(10).AddMilliseconds(1);

        // Act
        var result = await Store.QueryMetricAsync(new MetricQuery { Name = "shop.orders", From = t, To = Clock.GetUtcNow(), Step = TimeSpan.FromMinutes(1) });

        // Assert: 25 orders over the 8.001 s since the series started, not over the whole minute.
        var bucket = Assert.Single(Assert.Single(result.Series).Buckets);
        Assert.Equal(25, bucket.Increase);
        Assert.Equal(25 / 8.001, bucket.Rate!.Value, 9);
    }

    [Fact]
    public async Task QueryMetricAsync_LongRunningCounterInTheCurrentStep_RateIsPerSecondOfTheStepSoFar()
    {
        // Arrange: a counter running since long before the range; the current minute is 15 s old.
        var t = Some.BaseTime;
        var series = Some.Counter("shop.orders");
        await WritePointsAsync(
            Some.Value(series, t.AddSeconds(-5), 100, start: t.AddHours(-1)),
            Some.Value(series, t.AddSeconds(10), 130, start: t.AddHours(-1)));
        Clock.Pinned = t.AddSeconds(15);

        // Act
        var result = await Store.QueryMetricAsync(new MetricQuery { Name = "shop.orders", From = t, To = Clock.GetUtcNow(), Step = TimeSpan.FromMinutes(1) });

        // Assert
        var bucket = Assert.Single(Assert.Single(result.Series).Buckets);
        Assert.Equal(30, bucket.Increase);
        Assert.Equal(2, bucket.Rate!.Value, 9);
    }
}
