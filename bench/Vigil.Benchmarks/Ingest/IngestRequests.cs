using Google.Protobuf;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Logs.V1;
using Vigil.Server.Otlp.Proto.Resource.V1;
using Vigil.Server.Otlp.Proto.Trace.V1;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// Export requests built before timing starts, shaped like an instrumented web service's: every span and log record
/// has its own ids and <c>attributes</c> attributes (strings, integers, a boolean, a double), values varying per item.
/// </summary>
internal static class IngestRequests
{
    private static readonly string[] s_routes = ["/orders/{id}", "/customers/{id}", "/carts/{id}/items", "/health"];

    /// <summary>One request's body, as the client sends it.</summary>
    public static byte[] Body(string signal, int client, int request, int items, int attributes) => signal switch
    {
        "logs" => BuildLogs(client, request, items, attributes).ToByteArray(),
        "errors" => IngestErrorRequests.OtlpErrors(client, request, items).ToByteArray(),
        "sentry" => IngestErrorRequests.SentryEnvelope(client, request),
        _ => BuildTraces(client, request, items, attributes).ToByteArray(),
    };

    /// <summary>Whether the signal goes to the OTLP logs endpoint (and so parses as a logs request).</summary>
    public static bool IsOtlpLogs(string signal) => signal is "logs" or "errors";

    public static ExportTraceServiceRequest BuildTraces(int client, int request, int spans, int attributes)
    {
        var now = NowNanoseconds();
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore", Version = "10.0.0" } };
        var traceId = TraceId(client, request);
        for (var i = 0; i < spans; i++)
        {
            var span = new Span
            {
                TraceId = traceId,
                SpanId = SpanId(i, request),
                ParentSpanId = i == 0 ? ByteString.Empty : SpanId(0, request),
                Name = "GET " + s_routes[i % s_routes.Length],
                Kind = Span.Types.SpanKind.Server,
                StartTimeUnixNano = now + ((ulong)i * 1000),
                EndTimeUnixNano = now + ((ulong)i * 1000) + 1_500_000,
            };
            span.Attributes.AddRange(Attributes(i, request, attributes));
            scope.Spans.Add(span);
        }

        return new ExportTraceServiceRequest { ResourceSpans = { new ResourceSpans { Resource = Resource(client), ScopeSpans = { scope } } } };
    }

    public static ExportLogsServiceRequest BuildLogs(int client, int request, int records, int attributes)
    {
        var now = NowNanoseconds();
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Shop.Orders.OrderService" } };
        var traceId = TraceId(client, request);
        for (var i = 0; i < records; i++)
        {
            var record = new LogRecord
            {
                TimeUnixNano = now + ((ulong)i * 1000),
                ObservedTimeUnixNano = now + ((ulong)i * 1000) + 500,
                SeverityNumber = SeverityNumber.Info,
                SeverityText = "Information",
                Body = new AnyValue { StringValue = $"Order {(request * 1000) + i} shipped to customer {client * 7919 % 10007} in {i % 97} ms" },
                TraceId = traceId,
                SpanId = SpanId(i, request),
                Flags = 1,
            };
            record.Attributes.AddRange(Attributes(i, request, attributes));
            scope.LogRecords.Add(record);
        }

        return new ExportLogsServiceRequest { ResourceLogs = { new ResourceLogs { Resource = Resource(client), ScopeLogs = { scope } } } };
    }

    private static IEnumerable<KeyValue> Attributes(int item, int request, int count)
    {
        for (var a = 0; a < count; a++)
        {
            yield return (a % 5) switch
            {
                0 => Attribute("http.route." + a, new AnyValue { StringValue = s_routes[(item + a) % s_routes.Length] }),
                1 => Attribute("http.response.status_code." + a, new AnyValue { IntValue = 200 + ((item + a) % 3) }),
                2 => Attribute("user.id." + a, new AnyValue { StringValue = $"user-{((request * 31) + item) % 5000}" }),
                3 => Attribute("cache.hit." + a, new AnyValue { BoolValue = (item + a) % 2 == 0 }),
                _ => Attribute("db.duration_ms." + a, new AnyValue { DoubleValue = ((item * 13) + a) % 1000 / 10.0 }),
            };
        }
    }

    internal static KeyValue Attribute(string key, AnyValue value) => new() { Key = key, Value = value };

    private static Resource Resource(int client) => new()
    {
        Attributes =
        {
            Attribute("service.name", new AnyValue { StringValue = $"bench-{client}" }),
            Attribute("service.version", new AnyValue { StringValue = "1.4.2" }),
            Attribute("host.name", new AnyValue { StringValue = "bench-host" }),
        },
    };

    private static ByteString TraceId(int client, int request)
    {
        var id = new byte[16];
        BitConverter.TryWriteBytes(id.AsSpan(0, 4), client + 1);
        BitConverter.TryWriteBytes(id.AsSpan(4, 4), request + 1);
        id[15] = 0x5a;
        return ByteString.CopyFrom(id);
    }

    private static ByteString SpanId(int item, int request)
    {
        var id = new byte[8];
        BitConverter.TryWriteBytes(id.AsSpan(0, 4), item + 1);
        BitConverter.TryWriteBytes(id.AsSpan(4, 4), request + 1);
        return ByteString.CopyFrom(id);
    }

    internal static ulong NowNanoseconds() => (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
}
