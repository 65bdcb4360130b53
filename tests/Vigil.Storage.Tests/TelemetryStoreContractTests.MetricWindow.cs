using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>The numbers a metric alert rule reads from one bucket the size of its window: min, max and p90.</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task QueryMetricAsync_GaugeOverAWindow_GivesTheLeastAndGreatestValueOfTheGroup()
    {
        // Arrange: two series of one gauge; values outside the window must not count.
        double[] a = [4, 9, 2, 7];
        double[] b = [5, 1, 8];
        var first = Some.Gauge(attributes: [new("queue", "a")]);
        var second = Some.Gauge(attributes: [new("queue", "b")]);
        await WritePointsAsync([.. a.Select((v, i) => Some.Value(first, Some.BaseTime.AddSeconds(10 * (i + 1)), v)), Some.Value(first, Some.BaseTime.AddMinutes(-5), -100)]);
        await WritePointsAsync([.. b.Select((v, i) => Some.Value(second, Some.BaseTime.AddSeconds(10 * (i + 1)), v)), Some.Value(second, Some.BaseTime.AddMinutes(5), 100)]);
        var window = new MetricQuery { Name = "queue.length", From = Some.BaseTime, To = Some.BaseTime.AddMinutes(1), Step = TimeSpan.FromMinutes(1) };

        // Act
        var combined = await Store.QueryMetricAsync(window with { GroupBy = [] });
        var byQueue = await Store.QueryMetricAsync(window with { GroupBy = ["queue"] });

        // Assert
        var bucket = Assert.Single(Assert.Single(combined.Series).Buckets);
        Assert.Equal(a.Concat(b).Min(), bucket.Minimum);
        Assert.Equal(a.Concat(b).Max(), bucket.Maximum);
        Assert.Equal(a.Concat(b).Average(), bucket.Average);
        Assert.Equal([a.Min(), b.Min()], byQueue.Series.Select(s => s.Buckets[0].Minimum));
        Assert.Equal([a.Max(), b.Max()], byQueue.Series.Select(s => s.Buckets[0].Maximum));
    }

    [Fact]
    public async Task QueryMetricAsync_HistogramOverAWindow_InterpolatesTheNinetiethPercentile()
    {
        // Arrange: 100 values, 10 ≤ 10, 70 in (10, 20], 20 in (20, 50]: rank 90 is half way into (20, 50] → 35.
        var histogram = Some.Histogram();
        await WritePointsAsync(Some.HistogramPoint(histogram, Some.BaseTime.AddSeconds(10), [10, 30, 5, 0]), Some.HistogramPoint(histogram, Some.BaseTime.AddSeconds(20), [0, 40, 15, 0]));

        // Act
        var result = await Store.QueryMetricAsync(new MetricQuery { Name = "http.duration", From = Some.BaseTime, To = Some.BaseTime.AddMinutes(1), Step = TimeSpan.FromMinutes(1), GroupBy = [] });

        // Assert
        var bucket = Assert.Single(Assert.Single(result.Series).Buckets);
        Assert.Equal(100, bucket.Count);
        Assert.Equal(20 + (30 * (90.0 - 80) / 20), bucket.P90!.Value, 9);
    }
}
