using ModelContextProtocol;
using Vigil.Mcp.Tests.Support;

namespace Vigil.Mcp.Tests.Tools;

/// <summary><c>vigil mcp --server</c> when the server it bridges to goes away under a connected assistant.</summary>
public sealed class BridgeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-mcp-bridge-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ToolCall_AfterTheServerStopped_AnsweredWithAnErrorNamingTheServer()
    {
        var store = Path.Combine(_directory, "vigil.db");
        await Seed.WriteAsync(store);
        var server = await McpConnections.ServeAsync(store, allowWrites: false, McpFixture.ApiKey);
        await using var client = await McpConnections.BridgeAsync(server, McpFixture.ApiKey);
        var before = await client.CallAsync("get_health");

        await server.DisposeAsync();
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("get_health").AsTask().WaitAsync(Eventually.DefaultTimeout));

        // The tool answered while the server ran; after, the request got an answer (not a hang) that says where it went.
        Assert.Equal("degraded", before.GetProperty("status").GetString());
        Assert.Contains("did not take the request", refused.Message, StringComparison.Ordinal);
        Assert.Contains("/mcp", refused.Message, StringComparison.Ordinal);
    }
}
