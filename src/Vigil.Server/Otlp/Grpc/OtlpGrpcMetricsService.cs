using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>OTLP/gRPC <c>MetricsService.Export</c>: one call into the ingest path.</summary>
internal sealed class OtlpGrpcMetricsService(OtlpIngestService ingest) : MetricsService.MetricsServiceBase
{
    public override async Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        var result = await OtlpGrpcCalls.IngestAsync(ingest, OtlpSignal.Metrics, request, OtlpMapper.MapMetrics(request), context).ConfigureAwait(false);
        return OtlpResponses.Metrics(result);
    }
}
