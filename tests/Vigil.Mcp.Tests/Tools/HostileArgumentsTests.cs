using Vigil.Mcp.Tests.Support;

namespace Vigil.Mcp.Tests.Tools;

/// <summary>Bad, huge and hostile arguments get a tool error that names the argument; the server keeps serving.</summary>
public sealed class HostileArgumentsTests(ReadOnlyMcpFixture fixture) : IClassFixture<ReadOnlyMcpFixture>
{
    public static TheoryData<string, string, string, object, string> Cases()
    {
        var data = new TheoryData<string, string, string, object, string>();
        foreach (var transport in new[] { McpConnections.Stdio, McpConnections.Http, McpConnections.Bridge })
        {
            data.Add(transport, "search_logs", "since", "yesterday-ish", "since: 'yesterday-ish' is neither an RFC 3339 time");
            data.Add(transport, "search_logs", "limit", 100_000, "limit: 100000 is out of range (1 to 200)");
            data.Add(transport, "search_logs", "limit", -1, "limit: -1 is out of range");
            data.Add(transport, "search_logs", "level", "loud", "level: 'loud' is not a level");
            data.Add(transport, "search_logs", "text", new string('x', 5000), "text: 5000 characters is too long (at most 1024)");
            data.Add(transport, "search_logs", "service", "orders\u0000; DROP TABLE logs", "service: control characters are not allowed");
            data.Add(transport, "count_logs", "attributes", new List<string> { "no-equals-sign" }, "attributes: 'no-equals-sign' is not key=value");
            data.Add(transport, "count_logs", "since", "99999999d", "since: '99999999d' is neither");
            data.Add(transport, "get_trace", "traceId", "ffff", "traceId: no trace ffff in the store");
            data.Add(transport, "get_trace", "traceId", "not-hex!", "traceId: 'not-hex!' is not a trace id");
            data.Add(transport, "get_error_group", "id", 999_999, "id: no error group 999999 in the store");
            data.Add(transport, "get_error_group", "id", 0, "id: 0 is not an error group id");
            data.Add(transport, "list_error_groups", "status", "maybe", "status: 'maybe' is not one of unresolved, resolved, ignored, all");
            data.Add(transport, "list_alerts", "state", "burning", "state: 'burning' is not one of");
            data.Add(transport, "query_metric", "name", "no.such.metric", "no series of metric 'no.such.metric' matches");
            data.Add(transport, "query_metric", "step", "1s", "step: 1s over this range makes 3600 points per series (at most 500)");
            data.Add(transport, "list_traces", "minDuration", "-5s", "minDuration: '-5s' is not a positive duration");
            data.Add(transport, "list_traces", "rootSpan", new string('r', 513), "rootSpan:");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_HostileArgument_ToolErrorNamesIt(string transport, string tool, string argument, object value, string expected)
    {
        var arguments = new Dictionary<string, object?> { [argument] = value };
        if (tool == "query_metric" && argument != "name")
        {
            arguments["name"] = Seed.Counter;
        }

        var message = await fixture.Client(transport).FailAsync(tool, arguments);

        Assert.Contains(expected, message, StringComparison.Ordinal);

        // The same connection still answers.
        var health = await fixture.Client(transport).CallAsync("get_health");
        Assert.Equal("degraded", health.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(McpConnections.Stdio)]
    [InlineData(McpConnections.Http)]
    public async Task Call_UntilBeforeSince_SaysWhichComesFirst(string transport)
    {
        var message = await fixture.Client(transport).FailAsync("count_logs", new() { ["since"] = "1h", ["until"] = "2h" });

        Assert.Contains("since (", message, StringComparison.Ordinal);
        Assert.Contains(") must be before until (", message, StringComparison.Ordinal);
    }
}
