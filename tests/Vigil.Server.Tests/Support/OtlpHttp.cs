using System.IO.Compression;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Vigil.Server.Tests.Support;

/// <summary>Builds OTLP/HTTP request bodies.</summary>
internal static class OtlpHttp
{
    public static ByteArrayContent Protobuf(IMessage message) => Protobuf(message.ToByteArray());

    public static ByteArrayContent Protobuf(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        return content;
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static ByteArrayContent Gzip(byte[] bytes, string contentType) => Gzipped(GzipBytes(bytes), contentType);

    /// <summary>Bytes that say they are gzip (e.g. gzip followed by garbage).</summary>
    public static ByteArrayContent Gzipped(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    public static byte[] GzipBytes(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
