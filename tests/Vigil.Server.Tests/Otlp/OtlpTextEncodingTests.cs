using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>Text that is not Unicode gets the same answer on both encodings: 400, and nothing stored as U+FFFD.</summary>
public sealed class OtlpTextEncodingTests
{
    private const string LogsJson = """
        {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"shop"}}]},
          "scopeLogs":[{"logRecords":[{"timeUnixNano":"1764000000000000000","body":{"stringValue":"BODY"},
            "attributes":[{"key":"KEY","value":{"stringValue":"v"}}]}]}]}]}
        """;

    [Theory]
    [InlineData("BODY", "KEY")]
    [InlineData("ok", "\\ud800")]
    [InlineData("\\udc00 alone", "KEY")]
    [InlineData("ok", "a\\ud800b")]
    public async Task PostLogs_JsonWithLoneSurrogateEscape_400AndNothingStored(string body, string key)
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var json = LogsJson.Replace("\"BODY\"", $"\"{(body == "BODY" ? "\\ud800" : body)}\"", StringComparison.Ordinal)
            .Replace("\"KEY\"", $"\"{key}\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Json(json)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lone UTF-16 surrogate", await MessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(server.Store.Logs);
        using var after = await client.PostAsync("/v1/logs", OtlpHttp.Json(LogsJson)).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task PostLogs_JsonWithInvalidUtf8_400LikeProtobuf()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var bytes = Encoding.UTF8.GetBytes(LogsJson);
        Replace(bytes, "BODY"u8, [0x42, 0xC3, 0x28, 0x59]);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/v1/logs", content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", await MessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(server.Store.Logs);
    }

    [Fact]
    public async Task PostLogs_ProtobufWithInvalidUtf8_400()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var bytes = Some.Logs(Some.Log("hello")).ToByteArray();
        Replace(bytes, "hello"u8, [0x68, 0xC3, 0x28, 0x6C, 0x6F]);

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Protobuf(bytes)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", Vigil.Server.Otlp.Proto.Rpc.Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync().DefaultTimeout()).Message, StringComparison.Ordinal);
        Assert.Empty(server.Store.Logs);
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        return json.RootElement.GetProperty("message").GetString()!;
    }

    private static void Replace(byte[] bytes, ReadOnlySpan<byte> find, byte[] with)
    {
        var at = bytes.AsSpan().IndexOf(find);
        Assert.True(at >= 0);
        with.CopyTo(bytes, at);
    }
}
