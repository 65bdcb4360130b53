using System.Globalization;
using Vigil.Model;

namespace Vigil.Storage.StoreWriter;

/// <summary>
/// What a writer process writes in "all" mode, record by record, so the test can tell every record apart and
/// know the whole set: record <c>n</c> of writer <c>w</c> is a log, a span and a metric point that all carry
/// <c>n</c>, and batch <c>b</c> (records <c>b * perBatch</c> up to the next batch) is one trace.
/// </summary>
public static class WrittenRecords
{
    /// <summary>The metric every point belongs to: a delta counter whose point <c>n</c> counts <c>n + 1</c>.</summary>
    public const string MetricName = "durability.records";

    /// <summary>The time of record 0; record <c>n</c> is <c>n</c> seconds later, so each metric point has a bucket of its own.</summary>
    public static readonly DateTimeOffset BaseTime = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TelemetryResource Resource(string writer) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, writer)] };

    public static DateTimeOffset Time(long n) => BaseTime.AddSeconds(n);

    public static string Body(string writer, long n) => $"record {n} from {writer}";

    /// <summary>One trace per writer and batch: the writer's name hashed into the first half, the batch in the second.</summary>
    public static string TraceId(string writer, int batch) =>
        string.Create(CultureInfo.InvariantCulture, $"{(uint)StableHash(writer):x8}{0:x8}{batch:x16}");

    public static string SpanId(long n) => (n + 1).ToString("x16", CultureInfo.InvariantCulture);

    public static string SpanName(string writer, long n) => $"span {n} of {writer}";

    public static TelemetryBatch Batch(string writer, int batch, int perBatch)
    {
        var resource = Resource(writer);
        var series = new MetricSeriesInfo
        {
            Name = MetricName,
            Kind = MetricKind.Sum,
            Temporality = AggregationTemporality.Delta,
            IsMonotonic = true,
            Attributes = [new("writer", writer)],
            Resource = resource,
        };
        var logs = new LogEntry[perBatch];
        var spans = new SpanEntry[perBatch];
        var points = new MetricPoint[perBatch];
        for (var i = 0; i < perBatch; i++)
        {
            long n = (batch * perBatch) + i;
            logs[i] = new LogEntry
            {
                Timestamp = Time(n),
                SeverityNumber = 9,
                Body = Body(writer, n),
                Attributes = [new("writer", writer), new("n", n), new("batch", (long)batch)],
                Resource = resource,
            };
            spans[i] = new SpanEntry
            {
                TraceId = TraceId(writer, batch),
                SpanId = SpanId(n),
                Name = SpanName(writer, n),
                StartTime = Time(n),
                EndTime = Time(n).AddMilliseconds(5),
                Attributes = [new("n", n)],
                Resource = resource,
            };
            points[i] = new MetricPoint { Series = series, Timestamp = Time(n), StartTimestamp = Time(n).AddSeconds(-1), Value = n + 1 };
        }

        return new TelemetryBatch { Logs = logs, Spans = spans, MetricPoints = points };
    }

    // string.GetHashCode differs between processes; the writer and the test must agree.
    private static int StableHash(string text)
    {
        var hash = unchecked((int)2166136261);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return hash;
    }
}
