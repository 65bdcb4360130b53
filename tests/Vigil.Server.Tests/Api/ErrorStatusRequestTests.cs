using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Vigil.Server.Tests.Api;

/// <summary>Bodies of <c>POST /api/errors/{id}/status</c> the server must refuse before touching the store.</summary>
public sealed class ErrorStatusRequestTests
{
    public static TheoryData<string, string> BadBodies { get; } = new()
    {
        { "not json", "body" },
        { "{\"status\":\"resol", "body" },
        { "[]", "body" },
        { "\"resolved\"", "body" },
        { "null", "body" },
        { "{\"status\":\"resolved\",\"x\":" + new string('[', 20) + new string(']', 20) + "}", "body" },
        { "{}", "status" },
        { "{\"status\":\"closed\"}", "status" },
        { "{\"status\":1}", "status" },
        { "{\"status\":null}", "status" },
        { "{\"status\":\"\"}", "status" },
        { "{\"status\":\"resolved\",\"status\":\"ignored\"}", "status" },
        { "{\"status\":\"resolved\",\"Status\":\"ignored\"}", "Status" },
        { "{\"status\":\"resolved\",\"hack\":\"'; DROP TABLE error_groups; --\"}", "hack" },
        { "{\"status\":\"resolved\",\"inNextRelease\":\"yes\"}", "inNextRelease" },
        { "{\"status\":\"resolved\",\"inNextRelease\":1}", "inNextRelease" },
        { "{\"status\":\"unresolved\",\"inNextRelease\":true}", "inNextRelease" },
        { "{\"status\":\"ignored\",\"ignoreForEvents\":0}", "ignoreForEvents" },
        { "{\"status\":\"ignored\",\"ignoreForEvents\":-5}", "ignoreForEvents" },
        { "{\"status\":\"ignored\",\"ignoreForEvents\":1.5}", "ignoreForEvents" },
        { "{\"status\":\"ignored\",\"ignoreForEvents\":99999999999999999999999}", "ignoreForEvents" },
        { "{\"status\":\"ignored\",\"ignoreForEvents\":\"10\"}", "ignoreForEvents" },
        { "{\"status\":\"resolved\",\"ignoreForEvents\":3}", "ignoreForEvents" },
        { "{\"status\":\"ignored\",\"ignoreUntil\":\"tomorrow\"}", "ignoreUntil" },
        { "{\"status\":\"ignored\",\"ignoreUntil\":1767225600}", "ignoreUntil" },
        { "{\"status\":\"ignored\",\"ignoreUntil\":\"2026-13-01T00:00:00Z\"}", "ignoreUntil" },
        { "{\"status\":\"unresolved\",\"ignoreUntil\":\"2026-12-01T00:00:00Z\"}", "ignoreUntil" },
        { "{\"status\":\"ignored\",\"ignoreUntil\":\"2020-01-01T00:00:00Z\"}", "ignoreUntil" },

        // Valid UTF-8 whose escapes decode to a lone surrogate, in a value and in a name (a 500 with no body before).
        { "{\"status\":\"\\ud800\"}", "body" },
        { "{\"status\":\"resolved\",\"\\udc00\":1}", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task PostStatus_BadBody_Returns400ProblemNamingTheField(string body, string field)
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await PostAsync(server, "/api/errors/1/status", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await DetailAsync(response, "Bad request body");
        Assert.StartsWith(field + ":", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostStatus_InvalidUtf8_Returns400AndServerKeepsServing()
    {
        await using var server = await ReadServer.StartAsync();
        using var content = new ByteArrayContent([.. "{\"status\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await PostAsync(server, "/api/errors/1/status", content);
        using var health = await server.Client.GetAsync(new Uri("/health/live", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("body:", await DetailAsync(response, "Bad request body"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task PostStatus_NotJson_Returns415(string? contentType)
    {
        await using var server = await ReadServer.StartAsync();
        using var content = new ByteArrayContent("{\"status\":\"resolved\"}"u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await PostAsync(server, "/api/errors/1/status", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.StartsWith("Content-Type:", await DetailAsync(response, "Unsupported media type"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostStatus_BodyOver4KB_Returns413WithOrWithoutContentLength(bool chunked)
    {
        await using var server = await ReadServer.StartAsync();
        var body = "{\"status\":\"resolved\"" + new string(' ', 5000) + "}";
        using HttpContent content = chunked ? new ChunkedContent(Encoding.UTF8.GetBytes(body)) : new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await PostAsync(server, "/api/errors/1/status", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("body:", await DetailAsync(response, "Request body too large"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/errors/abc/status", "id")]
    [InlineData("/api/errors/0/status", "id")]
    [InlineData("/api/errors/99999999999999999999/status", "id")]
    [InlineData("/api/errors/1/status?force=true", "force")]
    public async Task PostStatus_BadIdOrParameter_Returns400NamingIt(string path, string parameter)
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await PostAsync(server, path, Json("{\"status\":\"resolved\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter + ":", await DetailAsync(response, "Bad query parameter"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_OnlyPostIsMapped_Returns405()
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/errors/1/status", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(ReadServer server, string path, HttpContent content) =>
        server.Client.PostAsync(new Uri(path, UriKind.Relative), content).DefaultTimeout();

    private static async Task<string> DetailAsync(HttpResponseMessage response, string title)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal((int)response.StatusCode, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    /// <summary>A body sent without Content-Length (chunked), so the size limit must hold while reading.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
