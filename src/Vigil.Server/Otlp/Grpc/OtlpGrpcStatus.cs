using Grpc.Core;
using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>The gRPC status for each refusal reason, and back (OTLP specification, "OTLP/gRPC Response").</summary>
internal static class OtlpGrpcStatus
{
    public static RpcException Refuse(OtlpRefusalReason reason, string message) => new(new Status(CodeFor(reason), message));

    public static StatusCode CodeFor(OtlpRefusalReason reason) => reason switch
    {
        OtlpRefusalReason.TooLarge => StatusCode.ResourceExhausted,
        OtlpRefusalReason.Malformed => StatusCode.InvalidArgument,
        OtlpRefusalReason.Unsupported => StatusCode.Unimplemented,
        OtlpRefusalReason.Aborted => StatusCode.Cancelled,
        OtlpRefusalReason.Unauthenticated => StatusCode.Unauthenticated,
        _ => StatusCode.Unknown,
    };

    /// <summary>
    /// The reason behind a status the call ended with; none for success, for UNAVAILABLE (a full queue, counted as
    /// dropped records) and for a fault of the server's own. gRPC's own checks of the framing (an incomplete message,
    /// data after it) end in INTERNAL: the sender's fault too.
    /// </summary>
    public static OtlpRefusalReason? ReasonFor(StatusCode code) => code switch
    {
        StatusCode.ResourceExhausted => OtlpRefusalReason.TooLarge,
        StatusCode.InvalidArgument or StatusCode.Internal => OtlpRefusalReason.Malformed,
        StatusCode.Unimplemented => OtlpRefusalReason.Unsupported,
        StatusCode.Cancelled or StatusCode.DeadlineExceeded => OtlpRefusalReason.Aborted,
        StatusCode.Unauthenticated => OtlpRefusalReason.Unauthenticated,
        _ => null,
    };
}
