using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    private IExemplarReader Exemplars => Assert.IsAssignableFrom<IExemplarReader>(Store);

    private static MetricExemplar Exemplar(int n, DateTimeOffset time, double value) => new()
    {
        Timestamp = time,
        Value = value,
        TraceId = Some.TraceId(n),
        SpanId = Some.SpanId(n),
        FilteredAttributes = [new("user.id", (long)n)],
    };

    [Fact]
    public async Task QueryExemplarsAsync_PointsWithExemplars_ReturnsThemWithTheirSpansNewestFirst()
    {
        // Arrange: a histogram point with two exemplars, a later one with one, and a point with none.
        var series = Some.Histogram();
        var time = Some.BaseTime;
        await WritePointsAsync(
            Some.HistogramPoint(series, time, [1, 1, 0, 0]) with { Exemplars = [Exemplar(1, time.AddSeconds(-2), 7.5), Exemplar(2, time.AddSeconds(-1), 15)] },
            Some.HistogramPoint(series, time.AddMinutes(1), [0, 0, 1, 0]) with { Exemplars = [Exemplar(3, time.AddSeconds(50), 42)] },
            Some.HistogramPoint(series, time.AddMinutes(2), [1, 0, 0, 0]),
            Some.Value(Some.Gauge(), time, 1) with { Exemplars = [Exemplar(9, time, 1)] });

        // Act
        var result = await Exemplars.QueryExemplarsAsync(new ExemplarQuery { Name = series.Name, From = time.AddMinutes(-1), To = time.AddMinutes(5) });

        // Assert: every field as written, the other metric's exemplar not among them.
        Assert.False(result.Truncated);
        Assert.Equal([Some.TraceId(3), Some.TraceId(1), Some.TraceId(2)], result.Exemplars.Select(e => e.Exemplar.TraceId));
        var first = result.Exemplars[1];
        Assert.Equal(Some.SpanId(1), first.Exemplar.SpanId);
        Assert.Equal(7.5, first.Exemplar.Value);
        Assert.Equal(time.AddSeconds(-2), first.Exemplar.Timestamp);
        Assert.Equal(time, first.PointTimestamp);
        Assert.Equal("checkout", first.Series.Resource.ServiceName);
        Assert.Equal(1L, Assert.Single(first.Exemplar.FilteredAttributes, a => a.Key == "user.id").Value);
    }

    [Fact]
    public async Task QueryExemplarsAsync_MoreThanTheLimit_ReturnsTheNewestAndSaysTruncated()
    {
        // Arrange
        var series = Some.Histogram();
        var points = Enumerable.Range(0, 5)
            .Select(i => Some.HistogramPoint(series, Some.BaseTime.AddMinutes(i), [1, 0, 0, 0]) with { Exemplars = [Exemplar(i + 1, Some.BaseTime.AddMinutes(i), i)] })
            .ToArray();
        await WritePointsAsync(points);
        var query = new ExemplarQuery { Name = series.Name, From = Some.BaseTime, To = Some.BaseTime.AddHours(1), Limit = 2 };

        // Act
        var cut = await Exemplars.QueryExemplarsAsync(query);
        var whole = await Exemplars.QueryExemplarsAsync(query with { Limit = 5 });
        var other = await Exemplars.QueryExemplarsAsync(query with { ServiceName = "billing" });

        // Assert
        Assert.True(cut.Truncated);
        Assert.Equal([Some.TraceId(5), Some.TraceId(4)], cut.Exemplars.Select(e => e.Exemplar.TraceId));
        Assert.False(whole.Truncated);
        Assert.Equal(5, whole.Exemplars.Count);
        Assert.Empty(other.Exemplars);
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxAge_DeletesExemplarsWithTheirPoints()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var old = now.AddDays(-3);
        var series = Some.Histogram();
        await WritePointsAsync(
            Some.HistogramPoint(series, old, [1, 0, 0, 0]) with { Exemplars = [Exemplar(1, old, 1)] },
            Some.HistogramPoint(series, now, [1, 0, 0, 0]) with { Exemplars = [Exemplar(2, now, 2)] });

        // Act
        await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) });

        // Assert
        var left = await Exemplars.QueryExemplarsAsync(new ExemplarQuery { Name = series.Name, From = old.AddDays(-1), To = now.AddMinutes(1) });
        Assert.Equal(Some.TraceId(2), Assert.Single(left.Exemplars).Exemplar.TraceId);
    }
}
