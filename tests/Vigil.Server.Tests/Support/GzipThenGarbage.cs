using System.IO.Compression;
using Grpc.Net.Compression;

namespace Vigil.Server.Tests.Support;

/// <summary>A client-side gRPC "gzip" that sends valid gzip followed by bytes that are not: a sender's bug.</summary>
internal sealed class GzipThenGarbage : ICompressionProvider
{
    public static readonly byte[] Garbage = "garbage after the gzip trailer"u8.ToArray();

    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) => new Buffer(stream);

    public Stream CreateDecompressionStream(Stream stream) => new GZipStream(stream, CompressionMode.Decompress);

    // The client writes the message, then disposes the stream: that is when the body is complete.
    private sealed class Buffer(Stream destination) : MemoryStream
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                destination.Write(OtlpHttp.GzipBytes(ToArray()));
                destination.Write(Garbage);
            }

            base.Dispose(disposing);
        }
    }
}
