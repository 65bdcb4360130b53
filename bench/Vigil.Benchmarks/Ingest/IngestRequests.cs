using Google.Protobuf;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Resource.V1;
using Vigil.Server.Otlp.Proto.Trace.V1;

namespace Vigil.Benchmarks.Ingest;

/// <summary>Export requests built before timing starts; every span has its own ids.</summary>
internal static class IngestRequests
{
    public static ExportTraceServiceRequest Build(int client, int request, int spans)
    {
        var now = (ulong)(DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100;
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "bench" } };
        var traceId = new byte[16];
        BitConverter.TryWriteBytes(traceId.AsSpan(0, 4), client + 1);
        BitConverter.TryWriteBytes(traceId.AsSpan(4, 4), request + 1);
        for (var i = 0; i < spans; i++)
        {
            var spanId = new byte[8];
            BitConverter.TryWriteBytes(spanId.AsSpan(0, 4), i + 1);
            BitConverter.TryWriteBytes(spanId.AsSpan(4, 4), request + 1);
            scope.Spans.Add(new Span
            {
                TraceId = ByteString.CopyFrom(traceId),
                SpanId = ByteString.CopyFrom(spanId),
                Name = "GET /orders/{id}",
                Kind = Span.Types.SpanKind.Server,
                StartTimeUnixNano = now,
                EndTimeUnixNano = now + 1_500_000,
                Attributes =
                {
                    new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = "/orders/{id}" } },
                    new KeyValue { Key = "http.response.status_code", Value = new AnyValue { IntValue = 200 } },
                },
            });
        }

        return new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = $"bench-{client}" } } } },
                    ScopeSpans = { scope },
                },
            },
        };
    }
}
