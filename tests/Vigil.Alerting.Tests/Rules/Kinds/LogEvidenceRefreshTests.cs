using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Log;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>
/// A log rule reads its evidence lines when a label set turns active and again once they are a minute old, not on
/// every evaluation; the count is read every time. Checked on a real SQLite store: a matching line written between two
/// evaluations shows in the count at once and in the evidence only after the refresh.
/// </summary>
public sealed class LogEvidenceRefreshTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = ConditionHarness.Now;
    private readonly ConditionHarness _harness = new();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static AlertRuleOptions Rule(string? service = "shop") =>
        new() { Name = "Errors", Kind = "log", Log = new LogRuleOptions { Service = service, Level = "error", Window = "5m", Threshold = 0 } };

    private Task WriteErrorAsync(DateTimeOffset at, string body, string service = "shop") =>
        _harness.WriteAsync(new TelemetryBatch
        {
            Logs = [new LogEntry { Timestamp = at, SeverityNumber = 17, Body = body, Resource = ConditionHarness.Resource(service) }],
        });

    [Fact]
    public async Task Evaluate_StillActiveWithinTheRefresh_CountsTheNewLineButKeepsTheEvidence()
    {
        await WriteErrorAsync(Now.AddSeconds(-30), "first failure");
        await WriteErrorAsync(Now.AddSeconds(-20), "second failure");
        var evaluate = _harness.Evaluator(Rule());

        var first = Assert.Single(await evaluate(Now));
        await WriteErrorAsync(Now.AddSeconds(5), "third failure");
        var second = Assert.Single(await evaluate(Now.AddSeconds(15)));

        Assert.Equal(2, first.Value);
        Assert.Equal(3, second.Value);
        Assert.Equal(2, first.Evidence.LogLines.Count);
        Assert.Equal(first.Evidence.LogLines, second.Evidence.LogLines);
    }

    [Fact]
    public async Task Evaluate_EvidenceAMinuteOld_ReadsTheNewestLinesAgain()
    {
        await WriteErrorAsync(Now.AddSeconds(-30), "first failure");
        var evaluate = _harness.Evaluator(Rule());

        var first = Assert.Single(await evaluate(Now));
        await WriteErrorAsync(Now.AddSeconds(5), "second failure");
        var later = Assert.Single(await evaluate(Now.AddMinutes(1)));

        Assert.Single(first.Evidence.LogLines);
        Assert.Equal(2, later.Evidence.LogLines.Count); // newest first
        Assert.EndsWith("second failure", later.Evidence.LogLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_InactiveThenActiveAgainWithinAMinute_ReadsFreshEvidence()
    {
        // The old line leaves the 5-minute window between the first and second evaluation, 15 s apart.
        await WriteErrorAsync(Now.AddMinutes(-5).AddSeconds(5), "old failure");
        var evaluate = _harness.Evaluator(Rule());

        var active = Assert.Single(await evaluate(Now));
        var quiet = Assert.Single(await evaluate(Now.AddSeconds(10)));
        await WriteErrorAsync(Now.AddSeconds(12), "new failure");
        var again = Assert.Single(await evaluate(Now.AddSeconds(15)));

        Assert.True(active.IsActive);
        Assert.EndsWith("old failure", Assert.Single(active.Evidence.LogLines), StringComparison.Ordinal);
        Assert.False(quiet.IsActive);
        Assert.Empty(quiet.Evidence.LogLines);
        Assert.True(again.IsActive);
        Assert.EndsWith("new failure", Assert.Single(again.Evidence.LogLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_PerServiceRuleWhenAServiceGoesQuiet_ForgetsOnlyThatServicesEvidence()
    {
        await WriteErrorAsync(Now.AddMinutes(-5).AddSeconds(20), "shop failure", "shop");
        await WriteErrorAsync(Now.AddSeconds(-10), "cart failure", "cart");
        var evaluate = _harness.Evaluator(Rule(service: null));

        var both = await evaluate(Now.AddSeconds(-5));
        var cartOnly = await evaluate(Now.AddSeconds(25));
        await WriteErrorAsync(Now.AddSeconds(30), "shop failure again", "shop");
        await WriteErrorAsync(Now.AddSeconds(31), "cart failure again", "cart");
        var shopBack = await evaluate(Now.AddSeconds(35));

        Assert.Equal(["cart", "shop"], both.Select(s => s.Labels["service"]));
        Assert.Equal("cart", Assert.Single(cartOnly).Labels["service"]);
        var shop = Assert.Single(shopBack, s => s.Labels["service"] == "shop");
        Assert.EndsWith("shop failure again", Assert.Single(shop.Evidence.LogLines), StringComparison.Ordinal);
        var cart = Assert.Single(shopBack, s => s.Labels["service"] == "cart");
        Assert.Equal(2, cart.Value);
        Assert.EndsWith("cart failure", Assert.Single(cart.Evidence.LogLines), StringComparison.Ordinal);
    }
}
