using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>OTLP/gRPC <c>MetricsService.Export</c> (declared by <see cref="OtlpGrpcMethods"/>): one call into the ingest path.</summary>
internal sealed class OtlpGrpcMetricsService(OtlpIngestService ingest)
{
    public async Task<ExportMetricsServiceResponse> ExportAsync(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        var result = await OtlpGrpcCalls.IngestAsync(ingest, OtlpSignal.Metrics, request, OtlpMapper.MapMetrics(request), context).ConfigureAwait(false);
        return OtlpResponses.Metrics(result);
    }
}
