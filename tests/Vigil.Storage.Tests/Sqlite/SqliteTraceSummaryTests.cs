using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// The writer merges a batch's spans into one summary upsert per trace: the summary must be the one span-by-span
/// upserts gave, whatever the order of spans and traces within and across batches.
/// </summary>
public sealed class SqliteTraceSummaryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task QueryTracesAsync_InterleavedTracesInOneBatchAndALaterBatch_SummarisesEachTrace()
    {
        // Arrange: two traces interleaved, children before roots, a second root for trace 1 (the last root wins),
        // and a later batch that adds an erroring child to trace 2 beyond its end.
        await using var store = SqliteTelemetryStore.Open(_directory.Combine("traces.db"));
        await store.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                Some.Span(1, 3, parent: 1, name: "db", start: Some.BaseTime.AddMilliseconds(5), service: "db-proxy"),
                Some.Span(2, 2, parent: 1, name: "cache", start: Some.BaseTime.AddSeconds(1), service: "cache"),
                Some.Span(1, 1, name: "GET /orders", start: Some.BaseTime, duration: TimeSpan.FromMilliseconds(50), service: "api"),
                Some.Span(1, 2, name: "GET /orders/{id}", start: Some.BaseTime.AddMilliseconds(1), service: "api-2"),
            ],
        });
        await store.WriteAsync(new TelemetryBatch
        {
            Spans = [Some.Span(2, 3, parent: 1, name: "retry", start: Some.BaseTime.AddSeconds(2), status: SpanStatusCode.Error, service: "worker")],
        });

        // Act
        var traces = (await store.QueryTracesAsync(new TraceQuery())).ToDictionary(t => t.TraceId);

        // Assert
        var first = traces[Some.TraceId(1)];
        Assert.Equal(("GET /orders/{id}", "api-2", 3, Some.BaseTime, TimeSpan.FromMilliseconds(50), false),
            (first.RootSpanName, first.ServiceName, first.SpanCount, first.StartTime, first.Duration, first.HasError));
        var second = traces[Some.TraceId(2)];
        Assert.Equal(((string?)null, "cache", 2, Some.BaseTime.AddSeconds(1), TimeSpan.FromMilliseconds(1010), true),
            (second.RootSpanName, second.ServiceName, second.SpanCount, second.StartTime, second.Duration, second.HasError));
    }
}
