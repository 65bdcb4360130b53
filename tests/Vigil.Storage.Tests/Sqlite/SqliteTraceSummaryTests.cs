using Vigil.Model;
using Vigil.Storage.Sqlite;
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

    [Fact]
    public async Task WriteAsync_MoreSpansAndPointsThanOneMultiRowInsert_KeepsEveryRowWithItsFields()
    {
        // Arrange: 100 spans (several statements of 32 rows, then 4 one by one) and 150 points of 3 series.
        await using var store = SqliteTelemetryStore.Open(_directory.Combine("many.db"));
        var spans = Enumerable.Range(1, 100)
            .Select(i => Some.Span(1 + (i % 2), i, parent: i <= 2 ? null : 1 + (i % 2), name: "op" + i, start: Some.BaseTime.AddMilliseconds(i)))
            .ToArray();
        var series = Enumerable.Range(0, 3).Select(i => Some.Gauge(attributes: [new("n", i)])).ToArray();
        var points = Enumerable.Range(0, 150).Select(i => Some.Value(series[i % 3], Some.BaseTime.AddSeconds(i), i)).ToArray();

        // Act
        await store.WriteAsync(new TelemetryBatch { Spans = spans, MetricPoints = points });

        // Assert
        var odd = await store.GetTraceAsync(Some.TraceId(2));
        Assert.Equal(spans.Where(s => s.TraceId == Some.TraceId(2)).Select(s => (s.SpanId, s.Name, s.StartTime)), odd.Select(s => (s.SpanId, s.Name, s.StartTime)));
        Assert.Equal(50, (await store.GetTraceAsync(Some.TraceId(1))).Count);
        Assert.Equal([50, 50], (await store.QueryTracesAsync(new TraceQuery())).Select(t => t.SpanCount));
        var readings = await store.QueryMetricAsync(new MetricQuery
        {
            Name = "queue.length",
            From = Some.BaseTime,
            To = Some.BaseTime.AddSeconds(150),
            Step = TimeSpan.FromSeconds(150),
            GroupBy = ["n"],
        });
        // Series n holds the values n, n + 3, … 147 + n: their mean is 73.5 + n, their latest 147 + n.
        Assert.Equal(
            [("0", 73.5, 147.0), ("1", 74.5, 148.0), ("2", 75.5, 149.0)],
            readings.Series.Select(s => (s.Labels["n"], Assert.Single(s.Buckets).Average, Assert.Single(s.Buckets).Last)).OrderBy(s => s.Item1)
                .Select(s => (s.Item1, s.Average ?? double.NaN, s.Last ?? double.NaN)));
    }
}
