using Vigil.Model;
using Vigil.Storage.StoreWriter;

namespace Vigil.Storage.Tests.Support;

/// <summary>
/// Which of the writers' batches (<see cref="WrittenRecords"/>) one look at the store found, per signal, read only
/// through <see cref="ITelemetryStore"/> queries. Building it fails when any batch is there only in part: a batch is
/// one transaction, so a reader sees all of it or none of it.
/// </summary>
internal sealed class WrittenSnapshot
{
    private WrittenSnapshot(HashSet<(string Writer, int Batch)> logs, HashSet<(string Writer, int Batch)> traces, HashSet<(string Writer, int Batch)> points)
    {
        Logs = logs;
        Traces = traces;
        Points = points;
    }

    public HashSet<(string Writer, int Batch)> Logs { get; }

    public HashSet<(string Writer, int Batch)> Traces { get; }

    public HashSet<(string Writer, int Batch)> Points { get; }

    /// <summary>Reads logs, then traces, then metric points: a batch committed before one read is visible to every later one.</summary>
    public static async Task<WrittenSnapshot> ReadAsync(ITelemetryStore store, IReadOnlyList<string> writers, int batches, int perBatch, CancellationToken cancellationToken)
    {
        var logs = new HashSet<(string, int)>();
        foreach (var group in (await store.QueryLogsAsync(new LogQuery { Limit = 1_000_000 }, cancellationToken)).GroupBy(l => (l.Resource.ServiceName!, (int)(long)Attribute(l.Attributes, "batch"))))
        {
            var numbers = group.Select(l => (long)Attribute(l.Attributes, "n")).Order();
            Assert.True(numbers.SequenceEqual(Numbers(group.Key.Item2, perBatch)), $"logs of batch {group.Key} seen in part: {string.Join(',', numbers)}");
            logs.Add(group.Key);
        }

        var traces = new HashSet<(string, int)>();
        var traceIds = new Dictionary<string, (string, int)>();
        foreach (var writer in writers)
        {
            for (var batch = 0; batch < batches; batch++)
            {
                traceIds[WrittenRecords.TraceId(writer, batch)] = (writer, batch);
            }
        }

        foreach (var trace in await store.QueryTracesAsync(new TraceQuery { Limit = 1_000_000 }, cancellationToken))
        {
            var key = traceIds[trace.TraceId];
            Assert.True(trace.SpanCount == perBatch, $"trace of batch {key} seen with {trace.SpanCount} of {perBatch} spans");
            traces.Add(key);
        }

        var points = new HashSet<(string, int)>();
        foreach (var series in await QueryPointsAsync(store, batches * perBatch, cancellationToken))
        {
            var writer = series.Labels["writer"];
            foreach (var batch in series.Buckets.GroupBy(b => (int)(Second(b) / perBatch)))
            {
                var numbers = batch.Select(b => (Second(b), b.Increase)).Order();
                var expected = Numbers(batch.Key, perBatch).Select(n => (n, (double?)(n + 1)));
                Assert.True(numbers.SequenceEqual(expected), $"points of batch ({writer}, {batch.Key}) seen in part or changed: {string.Join(',', numbers)}");
                points.Add((writer, batch.Key));
            }
        }

        return new WrittenSnapshot(logs, traces, points);
    }

    /// <summary>One bucket per second from <see cref="WrittenRecords.BaseTime"/>, so one point per bucket; grouped by writer.</summary>
    public static async Task<IReadOnlyList<MetricResultSeries>> QueryPointsAsync(ITelemetryStore store, int records, CancellationToken cancellationToken)
    {
        var result = await store.QueryMetricAsync(
            new MetricQuery
            {
                Name = WrittenRecords.MetricName,
                From = WrittenRecords.BaseTime,
                To = WrittenRecords.Time(records),
                Step = TimeSpan.FromSeconds(1),
                GroupBy = ["writer"],
            },
            cancellationToken);
        return result.Series;
    }

    public static long Second(MetricBucket bucket) => (long)(bucket.Time - WrittenRecords.BaseTime).TotalSeconds;

    public static IEnumerable<long> Numbers(int batch, int perBatch) => Enumerable.Range(batch * perBatch, perBatch).Select(n => (long)n);

    public static object Attribute(IReadOnlyList<KeyValuePair<string, object?>> attributes, string key) => attributes.Single(a => a.Key == key).Value!;
}
