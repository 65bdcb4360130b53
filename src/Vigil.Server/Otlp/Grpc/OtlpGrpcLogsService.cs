using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>OTLP/gRPC <c>LogsService.Export</c> (declared by <see cref="OtlpGrpcMethods"/>): one call into the ingest path.</summary>
internal sealed class OtlpGrpcLogsService(OtlpIngestService ingest)
{
    public async Task<ExportLogsServiceResponse> ExportAsync(ExportLogsServiceRequest request, ServerCallContext context)
    {
        var result = await OtlpGrpcCalls.IngestAsync(ingest, OtlpSignal.Logs, request, OtlpMapper.MapLogs(request), context).ConfigureAwait(false);
        return OtlpResponses.Logs(result);
    }
}
