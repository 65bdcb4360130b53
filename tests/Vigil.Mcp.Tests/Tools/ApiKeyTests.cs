using System.Net;
using System.Text;
using Vigil.Mcp.Tests.Support;

namespace Vigil.Mcp.Tests.Tools;

/// <summary>/mcp sits behind the server's API key like every other query endpoint.</summary>
public sealed class ApiKeyTests(ReadOnlyMcpFixture fixture) : IClassFixture<ReadOnlyMcpFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Connect_WithoutTheKey_IsRefused(string? key)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => McpConnections.HttpAsync(fixture.Server, key));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(McpFixture.ApiKey, HttpStatusCode.OK)]
    public async Task Initialize_RawRequest_AnswersByTheKey(string? key, HttpStatusCode expected)
    {
        using var http = new HttpClient { Timeout = Eventually.DefaultTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, McpConnections.McpEndpoint(fixture.Server))
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected == HttpStatusCode.OK ? "\"serverInfo\"" : "API key", body, StringComparison.Ordinal);
    }
}
