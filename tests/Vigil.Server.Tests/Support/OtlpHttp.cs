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

    public static ByteArrayContent Gzip(byte[] bytes, string contentType)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }
}
