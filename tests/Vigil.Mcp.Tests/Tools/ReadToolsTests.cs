using Vigil.Mcp.Tests.Support;
using Vigil.Model;

namespace Vigil.Mcp.Tests.Tools;

/// <summary>Every read tool through the SDK's client, over stdio and HTTP, each figure checked against the seeded records.</summary>
public sealed class ReadToolsTests(ReadOnlyMcpFixture fixture) : IClassFixture<ReadOnlyMcpFixture>
{
    public static TheoryData<string> Transports => [McpConnections.Stdio, McpConnections.Http, McpConnections.Bridge];

    private Seed Seed => fixture.Seed;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListTools_AnyTransport_OffersEveryTool(string transport)
    {
        var tools = await fixture.Client(transport).ListToolsAsync().AsTask().WaitAsync(Eventually.DefaultTimeout);

        Assert.Equal(
            ["acknowledge_alert", "count_logs", "create_silence", "get_error_group", "get_health", "get_trace", "list_alerts", "list_budgets", "list_error_groups",
             "list_metrics", "list_silences", "list_slos", "list_traces", "query_metric", "search_logs", "set_error_group_status"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListSlos_NoConfiguration_ReturnsNoneAndSaysWhereTheyAreDeclared(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("list_slos");

        Assert.Equal(0, answer.GetProperty("returned").GetInt32());
        Assert.Empty(answer.GetProperty("slos").EnumerateArray());
        Assert.Equal(Vigil.Mcp.Tools.SloTools.NoneDeclared, answer.GetProperty("note").GetString());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListBudgets_NoBudgetFile_ReturnsNoneAndSaysWhereTheyAreDeclared(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("list_budgets");

        // No configuration: the file vigil budgets check would read in the host's working directory, which has none.
        var file = answer.GetProperty("file").GetString()!;
        Assert.Equal("vigil.budgets.json", Path.GetFileName(file));
        Assert.Equal(0, answer.GetProperty("returned").GetInt32());
        Assert.Empty(answer.GetProperty("budgets").EnumerateArray());
        Assert.Equal(Vigil.Mcp.Tools.BudgetTools.NoFile(file), answer.GetProperty("note").GetString());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task CountLogs_ErrorsInTheLastHour_MatchesTheSeededRecordsPerService(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("count_logs", new() { ["level"] = "error", ["since"] = "1h" });

        var expected = Seed.Logs.Where(l => l.SeverityNumber >= 17).GroupBy(l => l.Resource.ServiceName!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.Values.Sum(), answer.GetProperty("total").GetInt64());
        Assert.Equal(expected, answer.GetProperty("byService").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task CountLogs_ByAttributeAndService_MatchesTheSeededRecords(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync(
            "count_logs", new() { ["service"] = "orders", ["attributes"] = new List<string> { "order.region=us" }, ["since"] = "2h" });

        var expected = Seed.Logs.Count(l => l.Resource.ServiceName == "orders" && l.Attributes.Contains(new("order.region", "us")));
        Assert.Equal(15, expected);
        Assert.Equal(expected, answer.GetProperty("total").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task SearchLogs_LimitBelowTheMatches_ReturnsTheNewestAndSaysMoreMatched(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("search_logs", new() { ["service"] = "orders", ["limit"] = 5 });

        var newest = Seed.Logs.Where(l => l.Resource.ServiceName == "orders").OrderByDescending(l => l.Timestamp).Take(5).Select(l => l.Body);
        Assert.Equal(5, answer.GetProperty("returned").GetInt32());
        Assert.True(answer.GetProperty("moreMatched").GetBoolean());
        Assert.Equal(newest, answer.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("body").GetString()));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task SearchLogs_TextAndLevel_ReturnsOnlyMatchingRecords(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("search_logs", new() { ["text"] = "declined", ["level"] = "error", ["limit"] = 200 });

        var expected = Seed.Logs.Where(l => l.SeverityNumber >= 17 && l.Body!.Contains("declined", StringComparison.Ordinal)).Select(l => l.Body).Order(StringComparer.Ordinal);
        Assert.Equal(5, expected.Count());
        Assert.False(answer.GetProperty("moreMatched").GetBoolean());
        Assert.Equal(expected, answer.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("body").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task GetTrace_UniquePrefix_SummarisesTheTraceAndListsTheSlowestSpans(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("get_trace", new() { ["traceId"] = Seed.TraceId[..8], ["slowest"] = 2 });

        Assert.Equal(Seed.TraceId, answer.GetProperty("traceId").GetString());
        Assert.Equal(Seed.Spans.Count, answer.GetProperty("spanCount").GetInt32());
        Assert.Equal(Seed.Spans.Count(s => s.StatusCode == SpanStatusCode.Error), answer.GetProperty("errorSpans").GetInt32());
        Assert.Equal((Seed.Spans.Max(s => s.EndTime) - Seed.Spans.Min(s => s.StartTime)).TotalMilliseconds, answer.GetProperty("durationMs").GetDouble(), 3);
        Assert.Equal(
            Seed.Spans.Select(s => s.Resource.ServiceName).Distinct().Order(StringComparer.Ordinal),
            answer.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("GET /checkout", answer.GetProperty("root").GetProperty("name").GetString());
        var slowest = Seed.Spans.OrderByDescending(s => s.Duration).Take(2).Select(s => s.Name);
        Assert.Equal(slowest, answer.GetProperty("slowestSpans").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(Seed.Spans.Count - 2, answer.GetProperty("spansNotListed").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListTraces_RecentWindow_ListsTheSeededTrace(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("list_traces", new() { ["since"] = "10m" });

        var trace = Assert.Single(answer.GetProperty("traces").EnumerateArray());
        Assert.Equal(Seed.TraceId, trace.GetProperty("traceId").GetString());
        Assert.Equal(Seed.Spans.Count, trace.GetProperty("spans").GetInt32());
        Assert.True(trace.GetProperty("hasError").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListTraces_ByRootSpan_MatchesTheRootsNameOnly(string transport)
    {
        var root = await fixture.Client(transport).CallAsync("list_traces", new() { ["since"] = "10m", ["rootSpan"] = "GET /checkout" });
        var child = await fixture.Client(transport).CallAsync("list_traces", new() { ["since"] = "10m", ["rootSpan"] = "charge" });

        Assert.Equal(Seed.TraceId, Assert.Single(root.GetProperty("traces").EnumerateArray()).GetProperty("traceId").GetString());
        Assert.Empty(child.GetProperty("traces").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListMetrics_ByName_ShowsTheCounterAndItsSeries(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("list_metrics", new() { ["contains"] = "ORDERS" });

        Assert.Equal(1, answer.GetProperty("matched").GetInt32());
        var metric = Assert.Single(answer.GetProperty("metrics").EnumerateArray());
        Assert.Equal(Seed.Counter, metric.GetProperty("name").GetString());
        Assert.Equal("sum", metric.GetProperty("kind").GetString());
        Assert.Equal(Seed.Points.Select(p => p.Series.Attributes[0].Value).Distinct().Count(), metric.GetProperty("series").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task QueryMetric_SplitByRoute_IncreasesAddUpToTheCounters(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync(
            "query_metric", new() { ["name"] = Seed.Counter, ["since"] = "30m", ["step"] = "1m", ["by"] = new List<string> { "http.route" } });

        Assert.Equal(60, answer.GetProperty("stepSeconds").GetDouble());
        Assert.Equal(2, answer.GetProperty("seriesCount").GetInt32());
        var series = answer.GetProperty("listed").EnumerateArray().ToList();

        // The largest first; each route's increases add up to its last cumulative value less its first.
        Assert.Equal(["/a", "/b"], series.Select(s => s.GetProperty("labels").GetProperty("http.route").GetString()));
        foreach (var (route, s) in new List<string> { "/a", "/b" }.Zip(series))
        {
            var values = Seed.Points.Where(p => Equals(p.Series.Attributes[0].Value, route)).OrderBy(p => p.Timestamp).Select(p => p.Value!.Value).ToList();
            var increases = s.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("increase").GetDouble());
            Assert.Equal(values[^1] - values[0], increases, 6);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ErrorGroups_ListThenDetail_CountsTheEventsAndShowsTheLatestStack(string transport)
    {
        var client = fixture.Client(transport);
        var list = await client.CallAsync("list_error_groups", new() { ["since"] = "1h" });
        var group = Assert.Single(list.GetProperty("groups").EnumerateArray());
        var exceptions = Seed.Logs.Where(l => l.ExceptionType is not null).ToList();
        Assert.Equal(Seed.ErrorGroupId, group.GetProperty("id").GetInt64());
        Assert.Equal(exceptions.Count, group.GetProperty("count").GetInt64());
        Assert.Equal("System.InvalidOperationException", group.GetProperty("type").GetString());

        var detail = await client.CallAsync("get_error_group", new() { ["id"] = Seed.ErrorGroupId, ["events"] = 2 });

        Assert.Contains("Charge.cs:line 42", detail.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, detail.GetProperty("latestEvents").GetArrayLength());
        Assert.Equal(exceptions.Count, detail.GetProperty("hours").EnumerateArray().Sum(h => h.GetProperty("count").GetInt64()));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task GetHealth_OneDegradedCheck_IsDegradedOverall(string transport)
    {
        var answer = await fixture.Client(transport).CallAsync("get_health");

        Assert.Equal("degraded", answer.GetProperty("status").GetString());
        var check = Assert.Single(answer.GetProperty("checks").EnumerateArray());
        Assert.Equal("database", check.GetProperty("name").GetString());
        Assert.Equal("slow queries", check.GetProperty("description").GetString());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListAlerts_DefaultAndAll_FiringOnlyThenEveryInstance(string transport)
    {
        var client = fixture.Client(transport);
        var firing = await client.CallAsync("list_alerts");
        var alert = Assert.Single(firing.GetProperty("alerts").EnumerateArray());
        Assert.Equal(Seed.FiringAlertId, alert.GetProperty("id").GetInt64());
        Assert.Equal("payments", alert.GetProperty("labels").GetProperty("service").GetString());
        Assert.Equal(5, alert.GetProperty("value").GetDouble());

        var all = await client.CallAsync("list_alerts", new() { ["state"] = "all" });
        Assert.Equal(
            new[] { Seed.FiringAlertId, Seed.ResolvedAlertId }.Order(),
            all.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).Order());
    }
}
