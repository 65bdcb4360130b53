using Grpc.Core;
using Grpc.Net.Client;

namespace Vigil.Server.Tests.Support;

/// <summary>Sends arbitrary bytes as an OTLP <c>Export</c> request with the real gRPC client: what a buggy sender does.</summary>
internal static class RawGrpc
{
    private static readonly Marshaller<byte[]> s_bytes = Marshallers.Create(b => b, b => b);

    public static Task<byte[]> ExportAsync(GrpcChannel channel, string service, byte[] body, CallOptions options = default) =>
        channel.CreateCallInvoker()
            .AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, service, "Export", s_bytes, s_bytes), null, options, body)
            .ResponseAsync;
}
