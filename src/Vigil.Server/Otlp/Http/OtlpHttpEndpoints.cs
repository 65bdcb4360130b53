using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Server.Otlp.Http;

/// <summary>Maps <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c>, the OTLP/HTTP paths.</summary>
internal static class OtlpHttpEndpoints
{
    /// <summary>Also the push endpoint's (Push/PushEndpoints.cs): one parser and mapping per signal.</summary>
    internal static readonly OtlpHttpSignal<ExportTraceServiceRequest> Traces =
        new(OtlpSignal.Traces, ExportTraceServiceRequest.Parser, OtlpMapper.MapTraces, OtlpResponses.Trace);

    /// <summary>Also the push endpoint's (Push/PushEndpoints.cs): one parser and mapping per signal.</summary>
    internal static readonly OtlpHttpSignal<ExportLogsServiceRequest> Logs =
        new(OtlpSignal.Logs, ExportLogsServiceRequest.Parser, OtlpMapper.MapLogs, OtlpResponses.Logs);

    /// <summary>Also the push endpoint's (Push/PushEndpoints.cs): one parser and mapping per signal.</summary>
    internal static readonly OtlpHttpSignal<ExportMetricsServiceRequest> Metrics =
        new(OtlpSignal.Metrics, ExportMetricsServiceRequest.Parser, OtlpMapper.MapMetrics, OtlpResponses.Metrics);

    /// <param name="endpoints">Where to map them.</param>
    /// <param name="maxRequestBodyBytes">The largest body accepted, after gzip as before it; larger gets 413.</param>
    public static IEndpointRouteBuilder MapOtlpHttp(this IEndpointRouteBuilder endpoints, long maxRequestBodyBytes)
    {
        endpoints.MapPost("/v1/traces", context => OtlpHttpHandler.HandleAsync(context, Traces, maxRequestBodyBytes));
        endpoints.MapPost("/v1/logs", context => OtlpHttpHandler.HandleAsync(context, Logs, maxRequestBodyBytes));
        endpoints.MapPost("/v1/metrics", context => OtlpHttpHandler.HandleAsync(context, Metrics, maxRequestBodyBytes));
        return endpoints;
    }
}
