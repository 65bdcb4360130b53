using Google.Protobuf;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Logs.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using Vigil.Server.Otlp.Proto.Resource.V1;
using Vigil.Server.Otlp.Proto.Trace.V1;

namespace Vigil.Server.Tests.Support;

/// <summary>Hand-built OTLP requests.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Time = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static ulong UnixNano(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    public static ByteString TraceId(byte seed = 1) => ByteString.CopyFrom(Enumerable.Range(0, 16).Select(i => (byte)(seed + i)).ToArray());

    public static ByteString SpanId(byte seed = 1) => ByteString.CopyFrom(Enumerable.Range(0, 8).Select(i => (byte)(0xA0 + seed + i)).ToArray());

    public static Resource Resource(string service = "checkout") => new()
    {
        Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } } },
    };

    public static Span Span(string name = "GET /", byte seed = 1) => new()
    {
        TraceId = TraceId(seed),
        SpanId = SpanId(seed),
        Name = name,
        Kind = Vigil.Server.Otlp.Proto.Trace.V1.Span.Types.SpanKind.Server,
        StartTimeUnixNano = UnixNano(Time),
        EndTimeUnixNano = UnixNano(Time.AddMilliseconds(250)),
    };

    public static ExportTraceServiceRequest Traces(params Span[] spans) => new()
    {
        ResourceSpans =
        {
            new ResourceSpans
            {
                Resource = Resource(),
                ScopeSpans = { new ScopeSpans { Scope = new InstrumentationScope { Name = "tests", Version = "1.0" }, Spans = { spans } } },
            },
        },
    };

    public static ExportLogsServiceRequest Logs(params LogRecord[] records) => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = Resource(),
                ScopeLogs = { new ScopeLogs { Scope = new InstrumentationScope { Name = "tests" }, LogRecords = { records } } },
            },
        },
    };

    public static LogRecord Log(string body = "hello") => new()
    {
        TimeUnixNano = UnixNano(Time),
        SeverityNumber = SeverityNumber.Info,
        SeverityText = "Information",
        Body = new AnyValue { StringValue = body },
    };

    /// <summary>A log whose body nests key-value lists <paramref name="lists"/> deep: three messages a level.</summary>
    public static ExportLogsServiceRequest NestedLog(int lists)
    {
        var value = new AnyValue { StringValue = "leaf" };
        for (var i = 0; i < lists; i++)
        {
            value = new AnyValue { KvlistValue = new KeyValueList { Values = { new KeyValue { Key = "k", Value = value } } } };
        }

        var log = Log();
        log.Body = value;
        return Logs(log);
    }

    public static ExportMetricsServiceRequest Metrics(params Metric[] metrics) => new()
    {
        ResourceMetrics =
        {
            new ResourceMetrics
            {
                Resource = Resource(),
                ScopeMetrics = { new ScopeMetrics { Scope = new InstrumentationScope { Name = "tests" }, Metrics = { metrics } } },
            },
        },
    };

    /// <summary>A request of <paramref name="count"/> spans of one trace, each with its own span id.</summary>
    public static ExportTraceServiceRequest ManySpans(int count) =>
        Traces([.. Enumerable.Range(0, count).Select(IndexedSpan)]);

    private static Span IndexedSpan(int index)
    {
        var span = Span($"span {index}");
        var spanId = span.SpanId.ToByteArray();
        BitConverter.TryWriteBytes(spanId.AsSpan(0, 4), index + 1);
        span.SpanId = ByteString.CopyFrom(spanId);
        return span;
    }
}
