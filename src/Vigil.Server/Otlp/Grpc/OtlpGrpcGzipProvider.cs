using System.IO.Compression;
using Grpc.Net.Compression;

namespace Vigil.Server.Otlp.Grpc;

/// <summary>
/// The gzip <c>grpc-encoding</c>, bounded as OTLP/HTTP's is. Grpc.AspNetCore checks <c>MaxReceiveMessageSize</c>
/// against the compressed length only, then copies the whole inflated message into memory; this provider's stream
/// stops at the limit instead (RESOURCE_EXHAUSTED), and refuses gzip that is not one complete stream (INVALID_ARGUMENT).
/// </summary>
internal sealed class OtlpGrpcGzipProvider(long maxBytes) : ICompressionProvider
{
    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? CompressionLevel.Fastest, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) => new OtlpGzipStream(stream, maxBytes, OtlpGrpcStatus.Refuse);
}
