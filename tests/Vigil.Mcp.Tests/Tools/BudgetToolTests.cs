using System.Text.Json;
using Vigil.Mcp.Tests.Support;

namespace Vigil.Mcp.Tests.Tools;

/// <summary>
/// <c>list_budgets</c> over stdio (<c>vigil mcp --config</c>), HTTP (<c>vigil serve</c>) and the bridge alike: each
/// limit's status, value and runs checked against the runs written and the budget file beside the configuration.
/// </summary>
public sealed class BudgetToolTests(BudgetMcpFixture fixture) : IClassFixture<BudgetMcpFixture>
{
    public static TheoryData<string> Transports => [McpConnections.Stdio, McpConnections.Http, McpConnections.Bridge];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListBudgets_AnyTransport_ShowsEachLimitsStatusValueLimitAndRuns(string transport)
    {
        // Act
        var answer = await fixture.Client(transport).CallAsync("list_budgets");

        // Assert: every limit in file order, judged as vigil budgets check judges it.
        Assert.EndsWith(Path.Combine("ci", "budgets.json"), answer.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal((4, false, 1, 1), (answer.GetProperty("returned").GetInt32(), answer.GetProperty("moreMatched").GetBoolean(), answer.GetProperty("over").GetInt32(), answer.GetProperty("tooFewRuns").GetInt32()));
        Assert.False(answer.TryGetProperty("note", out _));
        var budgets = answer.GetProperty("budgets").EnumerateArray().ToList();
        Assert.Equal(
            [
                ("dotnet build", "command", "maxDuration", "over", "s"),
                ("dotnet build", "command", "maxOutputSize", "ok", "B"),
                ("dotnet test", "command", "maxDuration", "too_few_runs", "s"),
                ("Lib.csproj", "project", "maxDuration", "ok", "s"),
            ],
            budgets.Select(b => (Text(b, "budget"), Text(b, "kind"), Text(b, "limitKey"), Text(b, "status"), Text(b, "unit"))));

        // The builds' p95 of 10, 12 and 30 s is 30 s, 50 % over 20 s; the newest build is the third run written.
        var build = budgets[0];
        Assert.Equal((30.0, 20.0, 0.5, 3), (build.GetProperty("value").GetDouble(), build.GetProperty("max").GetDouble(), build.GetProperty("overBy").GetDouble(), build.GetProperty("runs").GetInt32()));
        Assert.Equal(fixture.Runs.TraceIds[2], Text(build, "latestTraceId"));
        Assert.Equal("p95 duration", Text(build, "limit"));
        Assert.Equal((2048.0, 1_000_000.0), (budgets[1].GetProperty("value").GetDouble(), budgets[1].GetProperty("max").GetDouble()));

        // Too few runs has no value at all: unknown, not within.
        var tests = budgets[2];
        Assert.False(tests.TryGetProperty("value", out _));
        Assert.Equal(2, tests.GetProperty("runs").GetInt32());

        // Lib.csproj's p50 of 4, 5 and 9 s.
        Assert.Equal((5.0, 3), (budgets[3].GetProperty("value").GetDouble(), budgets[3].GetProperty("runs").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListBudgets_ByNameStatusAndLimit_ShowsOnlyThose(string transport)
    {
        // Act
        var client = fixture.Client(transport);
        var byName = await client.CallAsync("list_budgets", new() { ["name"] = "dotnet build" });
        var over = await client.CallAsync("list_budgets", new() { ["status"] = "OVER" });
        var tooFew = await client.CallAsync("list_budgets", new() { ["status"] = "too_few_runs" });
        var one = await client.CallAsync("list_budgets", new() { ["limit"] = 1 });

        // Assert
        Assert.Equal(["maxDuration", "maxOutputSize"], Limits(byName));
        Assert.Equal(["dotnet build"], Names(over));
        Assert.Equal(["dotnet test"], Names(tooFew));
        Assert.Equal((1, true), (one.GetProperty("returned").GetInt32(), one.GetProperty("moreMatched").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListBudgets_HostileArgument_ToolErrorNamesIt(string transport)
    {
        var client = fixture.Client(transport);

        var status = await client.FailAsync("list_budgets", new() { ["status"] = "broken" });
        var limit = await client.FailAsync("list_budgets", new() { ["limit"] = 100_000 });
        var name = await client.FailAsync("list_budgets", new() { ["name"] = "dotnet\u0000build" });

        Assert.Contains("status: 'broken' is not one of all, ok, over, too_few_runs", status, StringComparison.Ordinal);
        Assert.Contains("limit: 100000 is out of range (1 to 200)", limit, StringComparison.Ordinal);
        Assert.Contains("name: control characters are not allowed", name, StringComparison.Ordinal);
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private static List<string?> Names(JsonElement answer) => [.. answer.GetProperty("budgets").EnumerateArray().Select(b => Text(b, "budget"))];

    private static List<string?> Limits(JsonElement answer) => [.. answer.GetProperty("budgets").EnumerateArray().Select(b => Text(b, "limitKey"))];
}
