using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// CountSpansAsync, checked against the spans themselves: the expected counts are computed from the written spans
/// with the query's own definition (service, kind, start in [From, To), status error, duration above the threshold).
/// </summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task CountSpansAsync_MixedSpans_CountsWhatTheSpansSay()
    {
        // Arrange: two services, three kinds, every status, durations around the threshold, starts around the edges.
        var spans = new List<SpanEntry>();
        var random = new Random(13);
        for (var i = 0; i < 600; i++)
        {
            var span = Some.Span(
                trace: i + 1,
                span: i + 1,
                start: Some.BaseTime.AddSeconds(random.Next(-120, 720)),
                duration: TimeSpan.FromMilliseconds(random.Next(0, 600)),
                status: (SpanStatusCode)random.Next(0, 3),
                service: i % 3 == 0 ? "payments" : "checkout");
            spans.Add(span with { Kind = (SpanKind)random.Next(1, 4) });
        }

        // Exactly on the edges and the threshold: From counts, To does not, a span of exactly the threshold is not slower.
        spans.Add(Some.Span(1001, 1001, start: Some.BaseTime, duration: TimeSpan.FromMilliseconds(300)));
        spans.Add(Some.Span(1002, 1002, start: Some.BaseTime.AddMinutes(10), duration: TimeSpan.FromMilliseconds(301)));
        spans.Add(Some.Span(1003, 1003, start: Some.BaseTime.AddMinutes(10).AddTicks(-1), duration: TimeSpan.FromMilliseconds(300).Add(TimeSpan.FromTicks(1))));
        await WriteSpansAsync([.. spans]);
        var counter = Assert.IsAssignableFrom<ISpanCountReader>(Store);
        var query = new SpanCountQuery
        {
            ServiceName = "checkout",
            From = Some.BaseTime,
            To = Some.BaseTime.AddMinutes(10),
            SlowerThan = TimeSpan.FromMilliseconds(300),
        };

        // Act
        var counts = await counter.CountSpansAsync(query);

        // Assert
        var matching = spans.Where(s => s.Resource.ServiceName == "checkout" && s.Kind == SpanKind.Server && s.StartTime >= query.From && s.StartTime < query.To).ToList();
        Assert.True(matching.Count > 50, "the sample must hold enough matching spans to mean something");
        Assert.Equal(matching.Count, counts.Total);
        Assert.Equal(matching.Count(s => s.StatusCode == SpanStatusCode.Error), counts.Errors);
        Assert.Equal(matching.Count(s => s.Duration > TimeSpan.FromMilliseconds(300)), counts.Slower);
        Assert.InRange(counts.Errors, 1, counts.Total - 1);
        Assert.InRange(counts.Slower, 1, counts.Total - 1);
    }

    [Fact]
    public async Task CountSpansAsync_NoThresholdOrNoSpans_CountsNoSlowSpansAndZeros()
    {
        // Arrange
        await WriteSpansAsync(Some.Span(1, 1, duration: TimeSpan.FromHours(1), status: SpanStatusCode.Error));
        var counter = Assert.IsAssignableFrom<ISpanCountReader>(Store);
        var range = new SpanCountQuery { ServiceName = "checkout", From = Some.BaseTime, To = Some.BaseTime.AddMinutes(1) };

        // Act
        var withoutThreshold = await counter.CountSpansAsync(range);
        var otherService = await counter.CountSpansAsync(range with { ServiceName = "nobody" });
        var emptyRange = await counter.CountSpansAsync(range with { To = Some.BaseTime });

        // Assert
        Assert.Equal(new SpanCounts { Total = 1, Errors = 1, Slower = 0 }, withoutThreshold);
        Assert.Equal(new SpanCounts(), otherService);
        Assert.Equal(new SpanCounts(), emptyRange);
    }

    [Fact]
    public async Task CountSpansAsync_BadQuery_ThrowsNamingTheProblem()
    {
        // Arrange
        var counter = Assert.IsAssignableFrom<ISpanCountReader>(Store);
        var range = new SpanCountQuery { ServiceName = "checkout", From = Some.BaseTime, To = Some.BaseTime.AddMinutes(1) };

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() => counter.CountSpansAsync(range with { ServiceName = " " }));
        var backwards = await Assert.ThrowsAsync<ArgumentException>(() => counter.CountSpansAsync(range with { To = Some.BaseTime.AddMinutes(-1) }));
        Assert.Contains("ends before it starts", backwards.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => counter.CountSpansAsync(range with { SlowerThan = TimeSpan.FromSeconds(-1) }));
    }
}
