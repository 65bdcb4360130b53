using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// The metric list's one figure per kind, checked against the points behind it (issue 11, item 3):
/// not one series' latest point, and never a histogram's count beside its unit.
/// </summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task ListMetricsAsync_EachKind_ReadingOverTheSeriesOfItsLatestFiveMinutes()
    {
        // Arrange
        var t = Some.BaseTime;
        var a = Some.Gauge(attributes: [new("queue", "a")]);
        var b = Some.Gauge(attributes: [new("queue", "b")]);
        var stale = Some.Gauge(attributes: [new("queue", "gone")]);
        var updown = Some.Gauge("jobs.active") with { Kind = MetricKind.Sum, IsMonotonic = false };
        var eu = Some.Counter(attributes: [new("region", "eu")]);
        var us = Some.Counter(attributes: [new("region", "us")]);
        var histogram = Some.Histogram();
        await WritePointsAsync(
            Some.Value(stale, t.AddMinutes(-20), 1000), // outside the window: not summed
            Some.Value(a, t, 1),
            Some.Value(a, t.AddSeconds(2), 4),
            Some.Value(b, t.AddSeconds(5), 9),
            Some.Value(updown, t.AddSeconds(1), 3),
            Some.Value(updown, t.AddSeconds(3), 2),

            // Both counters started at t: eu counts 40 and us 20 by t+20s.
            Some.Value(eu, t.AddSeconds(10), 10, start: t),
            Some.Value(eu, t.AddSeconds(20), 40, start: t),
            Some.Value(us, t.AddSeconds(20), 20, start: t),

            // Delta histograms: (0,10] 1, (10,20] 2+8, (20,50] 3+6, 20 values in all.
            Some.HistogramPoint(histogram, t.AddSeconds(1), [1, 2, 3, 0]),
            Some.HistogramPoint(histogram, t.AddSeconds(2), [0, 8, 6, 0]));

        // Act
        var metrics = (await Store.ListMetricsAsync()).ToDictionary(m => m.Name);

        // Assert
        Assert.Equal(("last", 13d), (metrics["queue.length"].ReadingKind, metrics["queue.length"].Reading)); // 4 + 9, not the stale 1000
        Assert.Equal(("last", 2d), (metrics["jobs.active"].ReadingKind, metrics["jobs.active"].Reading));
        Assert.Equal("rate", metrics["http.requests"].ReadingKind);
        Assert.Equal(60 / 20.0, metrics["http.requests"].Reading!.Value, 6); // 60 over the 20 s since the start
        Assert.Equal("p95", metrics["http.duration"].ReadingKind);
        Assert.Equal(20 + (30 * (19 - 11) / 9.0), metrics["http.duration"].Reading!.Value, 9); // rank 19 in (20,50]
    }
}
