using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>OTLP/gRPC <c>LogsService.Export</c>: one call into the ingest path.</summary>
internal sealed class OtlpGrpcLogsService(OtlpIngestService ingest) : LogsService.LogsServiceBase
{
    public override async Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        var result = await OtlpGrpcCalls.IngestAsync(ingest, OtlpSignal.Logs, request, OtlpMapper.MapLogs(request), context).ConfigureAwait(false);
        return OtlpResponses.Logs(result);
    }
}
