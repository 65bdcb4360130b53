using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Vigil.Mcp.Tests.Support;

/// <summary>Calls a tool through the client and reads its answer: the structured content, or the tool error's text.</summary>
internal static class ToolCalls
{
    public static async Task<JsonElement> CallAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []).AsTask().WaitAsync(Eventually.DefaultTimeout);
        Assert.False(result.IsError == true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        return result.StructuredContent.Value;
    }

    /// <summary>The message of a tool that must fail.</summary>
    public static async Task<string> FailAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []).AsTask().WaitAsync(Eventually.DefaultTimeout);
        Assert.True(result.IsError == true, $"{tool} was expected to fail but answered {Text(result)}");
        return Text(result);
    }

    private static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
