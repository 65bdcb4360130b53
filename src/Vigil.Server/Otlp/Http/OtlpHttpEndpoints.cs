using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Server.Otlp.Http;

/// <summary>Maps <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>, the OTLP/HTTP paths.</summary>
internal static class OtlpHttpEndpoints
{
    private static readonly OtlpHttpSignal<ExportTraceServiceRequest> s_traces =
        new(OtlpSignal.Traces, ExportTraceServiceRequest.Parser, OtlpMapper.MapTraces, OtlpResponses.Trace);

    private static readonly OtlpHttpSignal<ExportLogsServiceRequest> s_logs =
        new(OtlpSignal.Logs, ExportLogsServiceRequest.Parser, OtlpMapper.MapLogs, OtlpResponses.Logs);

    private static readonly OtlpHttpSignal<ExportMetricsServiceRequest> s_metrics =
        new(OtlpSignal.Metrics, ExportMetricsServiceRequest.Parser, OtlpMapper.MapMetrics, OtlpResponses.Metrics);

    /// <param name="endpoints">Where to map them.</param>
    /// <param name="maxRequestBodyBytes">The largest body accepted, after gzip as before it; larger gets 413.</param>
    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints, long maxRequestBodyBytes)
    {
        endpoints.MapPost("/v1/traces", context => OtlpHttpHandler.HandleAsync(context, s_traces, maxRequestBodyBytes));
        endpoints.MapPost("/v1/logs", context => OtlpHttpHandler.HandleAsync(context, s_logs, maxRequestBodyBytes));
        endpoints.MapPost("/v1/metrics", context => OtlpHttpHandler.HandleAsync(context, s_metrics, maxRequestBodyBytes));
        return endpoints;
    }
}
