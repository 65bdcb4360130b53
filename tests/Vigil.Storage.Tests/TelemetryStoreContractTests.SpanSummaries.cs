using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// SummarizeSpansAsync, checked against the spans themselves: per service, the count, the failed count and the
/// nearest-rank p95 of the durations, computed here from the written spans by the query's definition.
/// </summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task SummarizeSpansAsync_MixedSpans_SummarisesWhatTheSpansSay()
    {
        // Arrange: three services (one with no service.name), three kinds, every status, starts around the edges.
        var spans = new List<SpanEntry>();
        var random = new Random(17);
        string[] services = ["payments", "checkout", "Checkout", "ünïcode"];
        for (var i = 0; i < 900; i++)
        {
            var span = Some.Span(
                trace: i + 1,
                span: i + 1,
                start: Some.BaseTime.AddSeconds(random.Next(-120, 720)),
                duration: TimeSpan.FromMilliseconds(random.Next(0, 900)) + TimeSpan.FromTicks(random.Next(0, 10_000)),
                status: (SpanStatusCode)random.Next(0, 3),
                service: services[i % services.Length]);
            spans.Add(span with { Kind = (SpanKind)random.Next(1, 4) });
        }

        spans.Add(Some.Span(2001, 2001, start: Some.BaseTime, duration: TimeSpan.FromSeconds(9)) with { Resource = TelemetryResource.Empty });
        await WriteSpansAsync([.. spans]);
        var reader = Assert.IsAssignableFrom<ISpanCountReader>(Store);
        var query = new SpanSummaryQuery { From = Some.BaseTime, To = Some.BaseTime.AddMinutes(10) };

        // Act
        var summaries = await reader.SummarizeSpansAsync(query);

        // Assert
        var expected = spans
            .Where(s => s.Kind == SpanKind.Server && s.StartTime >= query.From && s.StartTime < query.To)
            .GroupBy(s => s.Resource.ServiceName ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var durations = g.Select(s => s.Duration).Order().ToList();
                return new ServiceSpanSummary
                {
                    ServiceName = g.Key,
                    Total = durations.Count,
                    Errors = g.Count(s => s.StatusCode == SpanStatusCode.Error),
                    P95 = durations[(int)ServiceSpanSummary.NearestRank(95, durations.Count) - 1],
                };
            })
            .ToList();
        Assert.Equal(5, expected.Count);
        Assert.All(expected.Where(e => e.ServiceName.Length > 0), e => Assert.True(e.Total > 40, "each service needs enough spans to mean something"));
        Assert.Equal(expected, summaries);
    }

    [Fact]
    public async Task SummarizeSpansAsync_NoSpansOrBackwards_IsEmptyOrRefused()
    {
        await WriteSpansAsync(Some.Span(1, 1, duration: TimeSpan.FromSeconds(1)));
        var reader = Assert.IsAssignableFrom<ISpanCountReader>(Store);
        var query = new SpanSummaryQuery { From = Some.BaseTime, To = Some.BaseTime.AddMinutes(1) };

        Assert.Single(await reader.SummarizeSpansAsync(query));
        Assert.Empty(await reader.SummarizeSpansAsync(query with { To = Some.BaseTime }));
        Assert.Empty(await reader.SummarizeSpansAsync(query with { Kind = SpanKind.Client }));
        var backwards = await Assert.ThrowsAsync<ArgumentException>(() => reader.SummarizeSpansAsync(query with { To = Some.BaseTime.AddMinutes(-1) }));
        Assert.Contains("ends before it starts", backwards.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(19, 19)]
    [InlineData(20, 19)]
    [InlineData(21, 20)]
    [InlineData(100, 95)]
    [InlineData(101, 96)]
    public void NearestRank_Counts_IsTheCeilingOfNinetyFivePercent(long count, long rank) =>
        Assert.Equal(rank, ServiceSpanSummary.NearestRank(95, count));
}
