using Microsoft.Extensions.Time.Testing;
using Vigil.Alerting.Slos;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Slos;

/// <summary>SLOs over metrics in a real store: a counter ratio through a counter reset, and a latency histogram.</summary>
public sealed class SloMetricEvaluationTests : IAsyncDisposable
{
    private readonly SloTestStore _store = new();

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task Ratio_CountersResetInTheWindow_CountsTheIncreaseAcrossTheReset()
    {
        // Arrange: both counters start 90 minutes ago and rise every minute, total by 1,000 and good by 998 (0.2 %
        // errors); 30 minutes ago the process restarted and both began again from 0 (a new start time).
        var now = SloTestStore.Now;
        var good = SloTestStore.Counter("shop.requests.good");
        var total = SloTestStore.Counter("shop.requests");
        var points = new List<MetricPoint>();
        var firstStart = now - TimeSpan.FromMinutes(90);
        var secondStart = now - TimeSpan.FromMinutes(30);
        for (var m = 1; m <= 59; m++)
        {
            points.Add(Point(good, firstStart + TimeSpan.FromMinutes(m), 998 * m, firstStart));
            points.Add(Point(total, firstStart + TimeSpan.FromMinutes(m), 1000 * m, firstStart));
        }

        for (var j = 1; j <= 29; j++)
        {
            points.Add(Point(good, secondStart + TimeSpan.FromMinutes(j), 998 * j, secondStart));
            points.Add(Point(total, secondStart + TimeSpan.FromMinutes(j), 1000 * j, secondStart));
        }

        await _store.WriteAsync(points);
        var indicator = new MetricRatioIndicator(new MetricSelector("shop.requests.good", "shop", []), new MetricSelector("shop.requests", "shop", []));

        // Act
        var events = await indicator.CountAsync(_store.Sources, now - TimeSpan.FromHours(1), now);
        var burn = SloMath.BurnRate(events, 0.999);

        // Assert: in [now - 60 m, now) the first run has points m = 30..59, each a rise from the point before (the
        // store reads the last point before the window too), so 30 rises; the reset point counts its whole value
        // (1 minute since the restart), then 28 more rises: 59 minutes of 1,000. Read as a drop, the reset would have
        // cancelled the first run.
        Assert.Equal(59 * 1000, events.Total);
        Assert.Equal(59 * 998, events.Good);
        Assert.Equal(2, burn!.Value, 9);
    }

    [Fact]
    public async Task Ratio_AttributesAndService_SelectOnlyTheirSeries()
    {
        // Arrange: the good counter is one label value of the request counter; another service's counter is noise.
        var now = SloTestStore.Now;
        var start = now - TimeSpan.FromMinutes(10);
        var ok = SloTestStore.Counter("http.requests") with { Attributes = [new("outcome", "ok")] };
        var failed = SloTestStore.Counter("http.requests") with { Attributes = [new("outcome", "error")] };
        var other = SloTestStore.Counter("http.requests", service: "billing") with { Attributes = [new("outcome", "error")] };
        await _store.WriteAsync(
        [
            Point(ok, now - TimeSpan.FromMinutes(5), 95, start),
            Point(failed, now - TimeSpan.FromMinutes(5), 5, start),
            Point(other, now - TimeSpan.FromMinutes(5), 1000, start),
        ]);
        var indicator = new MetricRatioIndicator(
            new MetricSelector("http.requests", "shop", [new("outcome", "ok")]),
            new MetricSelector("http.requests", "shop", []));

        // Act
        var events = await indicator.CountAsync(_store.Sources, now - TimeSpan.FromHours(1), now);

        // Assert
        Assert.Equal(new SloEvents(95, 100), events);
    }

    [Theory]
    [InlineData(250, 80)]
    [InlineData(300, 80)] // between the 250 and 500 bounds: rounded down to 250, never overstated
    [InlineData(499.9, 80)]
    [InlineData(500, 95)]
    [InlineData(99, 0)]
    [InlineData(1e9, 99)] // above every bound: the overflow bucket has no upper bound, so it is never good
    public async Task Histogram_Threshold_CountsBucketsWhoseUpperBoundIsAtOrUnderIt(double threshold, long goodPerPoint)
    {
        // Arrange: ten delta points, each 100 observations: 50 ≤ 100 ms, 30 in (100, 250], 15 in (250, 500], 4 in (500, 1000], 1 above.
        var now = SloTestStore.Now;
        var histogram = SloTestStore.Histogram("http.server.duration");
        var points = Enumerable.Range(1, 10).Select(i => new MetricPoint
        {
            Series = histogram,
            Timestamp = now - TimeSpan.FromMinutes(i),
            StartTimestamp = now - TimeSpan.FromMinutes(i + 1),
            Histogram = new HistogramData { Count = 100, Sum = 10_000, ExplicitBounds = [100, 250, 500, 1000], BucketCounts = [50, 30, 15, 4, 1] },
        });
        await _store.WriteAsync(points);
        var indicator = new HistogramLatencyIndicator(new MetricSelector("http.server.duration", "shop", []), threshold);

        // Act
        var events = await indicator.CountAsync(_store.Sources, now - TimeSpan.FromHours(1), now);

        // Assert
        Assert.Equal(new SloEvents(goodPerPoint * 10, 1000), events);
    }

    [Fact]
    public async Task Evaluate_NoPoints_IsUnknown()
    {
        // Arrange
        var slo = new SloDefinition("quiet", "shop", 0.99, TimeSpan.FromDays(30), new MetricRatioIndicator(new MetricSelector("none.good", "shop", []), new MetricSelector("none", "shop", [])));

        // Act
        var status = await new SloEvaluator(_store.Sources, new FakeTimeProvider(SloTestStore.Now)).EvaluateAsync(slo);

        // Assert
        Assert.Equal(SloEvents.None, status.Events);
        Assert.Null(status.Attainment);
    }

    private static MetricPoint Point(MetricSeriesInfo series, DateTimeOffset time, double value, DateTimeOffset start) =>
        new() { Series = series, Timestamp = time, StartTimestamp = start, Value = value };
}
