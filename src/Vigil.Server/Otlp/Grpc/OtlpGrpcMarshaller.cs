using Google.Protobuf;
using Grpc.Core;
using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>
/// Protobuf marshallers for the OTLP methods. The generated ones let a parse failure escape as an exception, which
/// Grpc.AspNetCore answers with UNKNOWN ("Exception was thrown by handler") and logs with its stack trace at error
/// level; here it becomes INVALID_ARGUMENT saying what was wrong with the request.
/// </summary>
internal static class OtlpGrpcMarshaller
{
    public static Marshaller<T> For<T>(MessageParser<T> parser)
        where T : IMessage<T> => new(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context =>
            {
                try
                {
                    return parser.ParseFrom(context.PayloadAsReadOnlySequence());
                }
                catch (InvalidProtocolBufferException e)
                {
                    throw OtlpGrpcStatus.Refuse(OtlpRefusalReason.Malformed, OtlpDecodeErrors.Protobuf(e));
                }
            });
}
