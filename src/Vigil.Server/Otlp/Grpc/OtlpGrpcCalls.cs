using Google.Protobuf;
using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>What the three gRPC services share: the call into the ingest path and its error mapping.</summary>
internal static class OtlpGrpcCalls
{
    public static async Task<IngestResult> IngestAsync(OtlpIngestService ingest, OtlpSignal signal, IMessage request, OtlpMappingResult mapped, ServerCallContext context)
    {
        // The middleware reserved memory for the largest message when the message was compressed; now its size is known.
        var memory = context.GetHttpContext().Features.Get<IngestMemoryLease>();
        if (memory is { Exact: false })
        {
            memory.ShrinkTo(request.CalculateSize());
        }

        try
        {
            return await ingest.IngestAsync(signal, mapped, memory, context.CancellationToken).ConfigureAwait(false);
        }
        catch (IngestRefusedException e) when (e.IsDiskFull)
        {
            // RESOURCE_EXHAUSTED, as the issue and the gRPC status table name it for "out of space"; no retry soon.
            throw new RpcException(new Status(StatusCode.ResourceExhausted, e.Message));
        }
        catch (IngestRefusedException e)
        {
            // UNAVAILABLE is the retryable code in the OTLP specification's table; the sender backs off and retries.
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
    }
}
