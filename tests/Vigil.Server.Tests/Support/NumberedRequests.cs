using Google.Protobuf;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Logs.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using Vigil.Server.Otlp.Proto.Trace.V1;
using Vigil.Storage;

namespace Vigil.Server.Tests.Support;

/// <summary>
/// OTLP export requests whose every item can be found again: request <c>r</c> carries <see cref="Items"/> logs, spans
/// (one trace) or gauge points (the signal is <c>r % 3</c>), each marked with <c>r</c> and its index, and
/// <see cref="FindAsync"/> counts how many of each request's items a store holds, checking each is the one sent.
/// </summary>
internal sealed class NumberedRequests(DateTimeOffset baseTime)
{
    public const int Items = 20;

    private const string Metric = "durability.gauge";

    public static string Path(int request) => (request % 3) switch
    {
        0 => "/v1/logs",
        1 => "/v1/traces",
        _ => "/v1/metrics",
    };

    public static string TraceId(int request) => Convert.ToHexStringLower(TraceIdBytes(request));

    public IMessage Request(int request) => (request % 3) switch
    {
        0 => Some.Logs([.. Enumerable.Range(0, Items).Select(i => Log(request, i))]),
        1 => Some.Traces([.. Enumerable.Range(0, Items).Select(i => Span(request, i))]),
        _ => Some.Metrics(Gauge(request)),
    };

    /// <summary>How many items of each request the store holds (requests with none are absent); throws if any item is not as sent or is there twice.</summary>
    public async Task<Dictionary<int, int>> FindAsync(ITelemetryStore store, int requests)
    {
        var found = new Dictionary<int, int>();
        var logs = await store.QueryLogsAsync(new LogQuery { ServiceName = "checkout", Limit = 1_000_000 }).DefaultTimeout();
        foreach (var group in logs.GroupBy(l => (int)Number(l.Attributes, "request")))
        {
            var items = group.Select(l => Number(l.Attributes, "item")).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, items.Length).Select(i => (long)i), items);
            Assert.All(group, l => Assert.Equal($"request {group.Key} item {Number(l.Attributes, "item")}", l.Body));
            found[group.Key] = items.Length;
        }

        for (var request = 1; request < requests; request += 3)
        {
            var spans = await store.GetTraceAsync(TraceId(request)).DefaultTimeout();
            if (spans.Count > 0)
            {
                Assert.Equal(Enumerable.Range(0, spans.Count).Select(i => $"request {request} span {i}").Order(StringComparer.Ordinal), spans.Select(s => s.Name).Order(StringComparer.Ordinal));
                Assert.Equal(spans.Count, spans.Select(s => s.SpanId).Distinct().Count());
                found[request] = spans.Count;
            }
        }

        var metric = await store.QueryMetricAsync(new MetricQuery
        {
            Name = Metric,
            From = baseTime,
            To = baseTime.AddSeconds(Items),
            Step = TimeSpan.FromSeconds(1),
            GroupBy = ["request"],
        }).DefaultTimeout();
        foreach (var series in metric.Series)
        {
            var request = int.Parse(series.Labels["request"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Enumerable.Range(0, series.Buckets.Count).Select(i => baseTime.AddSeconds(i)), series.Buckets.Select(b => b.Time));
            Assert.Equal(Enumerable.Range(0, series.Buckets.Count).Select(i => (double?)i), series.Buckets.Select(b => b.Last));
            found[request] = series.Buckets.Count;
        }

        return found;
    }

    private static long Number(IReadOnlyList<KeyValuePair<string, object?>> attributes, string key) => (long)attributes.Single(a => a.Key == key).Value!;

    private static byte[] TraceIdBytes(int request)
    {
        var bytes = new byte[16];
        bytes[0] = 0xD0;
        BitConverter.TryWriteBytes(bytes.AsSpan(12), request);
        return bytes;
    }

    private static KeyValue Int(string key, long value) => new() { Key = key, Value = new AnyValue { IntValue = value } };

    private LogRecord Log(int request, int item)
    {
        var log = Some.Log($"request {request} item {item}");
        log.TimeUnixNano = Some.UnixNano(baseTime.AddSeconds(item));
        log.Attributes.Add(Int("request", request));
        log.Attributes.Add(Int("item", item));
        return log;
    }

    private Span Span(int request, int item)
    {
        var spanId = new byte[8];
        BitConverter.TryWriteBytes(spanId, (long)item + 1);
        return new Span
        {
            TraceId = ByteString.CopyFrom(TraceIdBytes(request)),
            SpanId = ByteString.CopyFrom(spanId),
            Name = $"request {request} span {item}",
            Kind = Vigil.Server.Otlp.Proto.Trace.V1.Span.Types.SpanKind.Internal,
            StartTimeUnixNano = Some.UnixNano(baseTime.AddSeconds(item)),
            EndTimeUnixNano = Some.UnixNano(baseTime.AddSeconds(item).AddMilliseconds(5)),
        };
    }

    private Metric Gauge(int request)
    {
        var gauge = new Gauge();
        for (var item = 0; item < Items; item++)
        {
            gauge.DataPoints.Add(new NumberDataPoint { TimeUnixNano = Some.UnixNano(baseTime.AddSeconds(item)), AsDouble = item, Attributes = { Int("request", request) } });
        }

        return new Metric { Name = Metric, Gauge = gauge };
    }
}
