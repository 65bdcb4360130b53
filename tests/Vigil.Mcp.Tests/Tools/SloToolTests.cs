using System.Text.Json;
using Vigil.Mcp.Tests.Support;
using Vigil.Mcp.Tools;
using Vigil.Model.Text;

namespace Vigil.Mcp.Tests.Tools;

/// <summary>
/// <c>list_slos</c> over stdio (<c>vigil mcp --config</c>) and HTTP (<c>vigil serve</c>'s rule engine) alike: every
/// figure is checked against the spans written, counted over each window as it ends at the answer's
/// <c>evaluatedAt</c>.
/// </summary>
public sealed class SloToolTests(SloMcpFixture fixture) : IClassFixture<SloMcpFixture>
{
    public static TheoryData<string> Transports => [McpConnections.Stdio, McpConnections.Http, McpConnections.Bridge];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListSlos_AnyTransport_ShowsAttainmentBudgetAndBurnRatesOfTheSpans(string transport)
    {
        // Act
        var answer = await ListAsync(transport, []);

        // Assert: 3 failures in 101 spans against a 1 % budget.
        var slos = answer.GetProperty("slos").EnumerateArray().ToList();
        Assert.Equal(["checkout", "idle"], slos.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(2, answer.GetProperty("returned").GetInt32());
        Assert.False(answer.GetProperty("moreMatched").GetBoolean());
        Assert.False(answer.TryGetProperty("note", out _));

        var checkout = slos[0];
        Assert.Equal(("shop", 0.99, "30d"), (checkout.GetProperty("service").GetString(), checkout.GetProperty("objective").GetDouble(), checkout.GetProperty("window").GetString()));
        var evaluatedAt = checkout.GetProperty("evaluatedAt").GetDateTimeOffset();
        var (good, total) = fixture.Spans.Count(evaluatedAt, TimeSpan.FromDays(30));
        Assert.Equal((98.0, 101.0), (good, total));
        Assert.Equal((good, total), (checkout.GetProperty("good").GetDouble(), checkout.GetProperty("total").GetDouble()));
        Assert.Equal(good / total, checkout.GetProperty("attainment").GetDouble(), 12);
        Assert.Equal(1 - ((total - good) / total / 0.01), checkout.GetProperty("budgetRemaining").GetDouble(), 9);
        Assert.Equal((total - good) / total / 0.01, checkout.GetProperty("burnRate").GetDouble(), 9);

        var alerts = checkout.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal([("1h", "5m"), ("6h", "30m"), ("3d", "6h")], alerts.Select(a => (a.GetProperty("longWindow").GetString(), a.GetProperty("shortWindow").GetString())));
        foreach (var alert in alerts)
        {
            var burns = new List<double>();
            foreach (var (window, burn) in new[] { ("longWindow", "longBurnRate"), ("shortWindow", "shortBurnRate") })
            {
                Assert.True(DurationGrammar.TryParse(alert.GetProperty(window).GetString(), out var length));
                var (g, t) = fixture.Spans.Count(evaluatedAt, length);
                burns.Add(alert.GetProperty(burn).GetDouble());
                Assert.Equal((t - g) / t / 0.01, burns[^1], 9);
            }

            var factor = alert.GetProperty("factor").GetDouble();
            Assert.Equal(burns[0] > factor && burns[1] > factor, alert.GetProperty("active").GetBoolean());
        }

        // 5 m: 1 of 9 failed, burn 11.1 (below 14.4); 6 h: 3 of 101 (burn 2.97, below 6); 3 d and 6 h above 1.
        Assert.Equal([false, false, true], alerts.Select(a => a.GetProperty("active").GetBoolean()));

        // No spans of "nobody": unknown, not perfect, so the figures are absent rather than 100 %.
        var idle = slos[1];
        Assert.Equal(("7d", 0.0, 0.0), (idle.GetProperty("window").GetString(), idle.GetProperty("good").GetDouble(), idle.GetProperty("total").GetDouble()));
        Assert.False(idle.TryGetProperty("attainment", out _));
        Assert.False(idle.TryGetProperty("budgetRemaining", out _));
        Assert.All(idle.GetProperty("alerts").EnumerateArray(), a => Assert.False(a.TryGetProperty("longBurnRate", out _)));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListSlos_ByServiceOrName_ShowsOnlyThose(string transport)
    {
        // Act
        var shop = await ListAsync(transport, new() { ["service"] = "shop" });
        var byName = await ListAsync(transport, new() { ["name"] = "IDLE" });
        var none = await ListAsync(transport, new() { ["service"] = "elsewhere" });

        // Assert
        Assert.Equal(["checkout"], Names(shop));
        Assert.Equal(["idle"], Names(byName));
        Assert.Empty(Names(none));

        // SLOs are declared, so an empty match carries no note about declaring them.
        Assert.False(none.TryGetProperty("note", out _));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ListSlos_HostileArgument_ToolErrorNamesIt(string transport)
    {
        // Act
        var huge = await fixture.Client(transport).FailAsync("list_slos", new() { ["name"] = new string('x', 5_000) });
        var control = await fixture.Client(transport).FailAsync("list_slos", new() { ["service"] = "shop\u0000" });

        // Assert
        Assert.Contains("name: 5000 characters is too long (at most 512)", huge, StringComparison.Ordinal);
        Assert.Contains("service: control characters are not allowed", control, StringComparison.Ordinal);
        Assert.Equal(["checkout", "idle"], Names(await ListAsync(transport, [])));
    }

    private static List<string?> Names(JsonElement answer) =>
        [.. answer.GetProperty("slos").EnumerateArray().Select(s => s.GetProperty("name").GetString())];

    /// <summary>
    /// The server's rule engine loads its SLOs in the background once started, so the HTTP answer is awaited until
    /// both are there; <c>vigil mcp</c> reads its file before it answers at all.
    /// </summary>
    private async Task<JsonElement> ListAsync(string transport, Dictionary<string, object?> arguments)
    {
        var client = fixture.Client(transport);
        JsonElement answer = default;
        await Eventually.TrueAsync(
            async () =>
            {
                answer = await client.CallAsync("list_slos", arguments);
                return !answer.TryGetProperty("note", out var note) || note.GetString() != SloTools.NoneDeclared;
            },
            "the server's rule engine to load its SLOs");
        return answer;
    }
}
