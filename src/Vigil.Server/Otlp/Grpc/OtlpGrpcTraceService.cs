using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>OTLP/gRPC <c>TraceService.Export</c> (declared by <see cref="OtlpGrpcMethods"/>): one call into the ingest path.</summary>
internal sealed class OtlpGrpcTraceService(OtlpIngestService ingest)
{
    public async Task<ExportTraceServiceResponse> ExportAsync(ExportTraceServiceRequest request, ServerCallContext context)
    {
        var result = await OtlpGrpcCalls.IngestAsync(ingest, OtlpSignal.Traces, request, OtlpMapper.MapTraces(request), context).ConfigureAwait(false);
        return OtlpResponses.Trace(result);
    }
}
