using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Vigil.Server.Tests.Sentry;

/// <summary>Hand-built envelopes and requests, for the cases no SDK sends: wrong keys, broken framing, bombs.</summary>
internal static class SentryEnvelopes
{
    public const string EventId = "9ec79c33ec9942ab8353589fcb2e04dc";

    public static string Event(string type = "System.InvalidOperationException", string value = "stock ran out", string extra = "") => $$$"""
        {"event_id":"{{{EventId}}}","timestamp":"2026-12-02T10:00:00Z","platform":"csharp","level":"error",
         "release":"shop@1.2.3","environment":"staging"{{{extra}}},
         "exception":{"values":[{"type":"{{{type}}}","value":"{{{value}}}","stacktrace":{"frames":[
           {"module":"Shop.Api.Program","function":"Main","in_app":true},
           {"module":"Shop.Api.Checkout","function":"Pay","in_app":true,"filename":"Checkout.cs","lineno":42}]}}]}}
        """.ReplaceLineEndings(string.Empty);

    public static byte[] Envelope(string header, params (string Type, string Payload)[] items)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var (type, payload) in items)
        {
            text.Append("{\"type\":\"").Append(type).Append("\",\"length\":").Append(Encoding.UTF8.GetByteCount(payload)).Append("}\n").Append(payload).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] EventEnvelope(string eventJson) => Envelope($"{{\"event_id\":\"{EventId}\"}}", ("event", eventJson));

    public static HttpRequestMessage Post(string path, byte[] body, string? key, string? encoding = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-sentry-envelope");
        if (encoding is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);
        }

        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Sentry-Auth", $"Sentry sentry_version=7, sentry_client=vigil-tests/1.0, sentry_key={key}");
        }

        return request;
    }

    /// <summary>The <c>detail</c> of a refusal, unescaped.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("detail").GetString()!;
    }

    public static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate-raw" => new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
