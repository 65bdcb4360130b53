using Vigil.Alerting.Rules;
using Vigil.Alerting.Slos;

namespace Vigil.Alerting.Tests.Slos;

/// <summary>The rules an SLO makes, through the rule engine's seam (RuleKinds → RuleKind.Create → IRuleCondition).</summary>
public sealed class SloRuleTests : IAsyncDisposable
{
    private readonly SloTestStore _store = new();

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public void From_DefaultAlerts_MakesThreeRulesOfKindSloWithTheirLabels()
    {
        // Arrange
        var slo = new SloDefinition("checkout", "shop", 0.999, TimeSpan.FromDays(30), new SpanErrorIndicator("shop")) { Labels = new Dictionary<string, string> { ["team"] = "payments" } };

        // Act
        var rules = SloRules.From([slo]);

        // Assert
        Assert.Equal(["slo:checkout:page:1h-5m", "slo:checkout:page:6h-30m", "slo:checkout:ticket:3d-6h"], rules.Select(r => r.Name));
        Assert.All(rules, rule => Assert.Same(RuleKinds.Find(rule.Kind), RuleKinds.Find("slo")));
        Assert.All(rules, rule => Assert.Empty(Vigil.Alerting.Tests.Rules.Kinds.ConditionHarness.Validate(rule)));
        Assert.Equal(["critical", "critical", "warning"], rules.Select(r => r.Severity));
        var labels = SloRules.LabelsOf(slo, slo.Alerts[2]);
        Assert.Equal("slo=\"checkout\", service=\"shop\", slo_severity=\"ticket\", long_window=\"3d\", short_window=\"6h\", team=\"payments\"".Split(", ").Order(StringComparer.Ordinal), labels.Select(l => $"{l.Key}=\"{l.Value}\"").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_HandWrittenSloRule_IsRefusedWithAPointerToAlertsSlos()
    {
        // Arrange
        var rule = new AlertRuleOptions { Name = "mine", Kind = "slo", Slo = new SloRuleOptions { Name = "checkout" } };

        // Act
        var problem = Assert.Single(RuleKinds.Find("slo")!.Validate(rule, "Alerts:Rules:4", new RuleLoadContext(Directory.GetCurrentDirectory(), null)));

        // Assert
        Assert.Equal("Alerts:Rules:4:Kind", problem.Path);
        Assert.Contains("Alerts:Slos", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Condition_FastBurnInBothWindows_IsActiveWithTheLongBurnAsValue()
    {
        // Arrange: in the last hour 1,000 spans (one every 3.6 s), 20 failed (2 %, burn 20 > 14.4), 2 of them in the last 5 minutes (k = 1..83).
        var now = SloTestStore.Now;
        await _store.WriteAsync(Enumerable.Range(1, 1000).Select(k => SloTestStore.ServerSpan(k, now - TimeSpan.FromMilliseconds(3600 * k), error: k % 50 == 0 || k is 3 or 7)));
        var result = await EvaluateAsync(now, alertIndex: 0);

        // Assert: 1 h: failures at k = 50, 100, ... 1000 (20) plus k = 3 and 7: 22 of 1,000; 5 m: k = 3, 7, 50 of 83.
        var sample = Assert.Single(result);
        Assert.True(sample.IsActive);
        Assert.Equal(22, sample.Value!.Value, 9);
        Assert.Equal(14.4, sample.Threshold);
        Assert.Equal("page", sample.Labels[SloAlertLabels.SloSeverity]);
        Assert.Equal("1h", sample.Labels[SloAlertLabels.LongWindow]);
        Assert.Equal("5m", sample.Labels[SloAlertLabels.ShortWindow]);
    }

    [Fact]
    public async Task Condition_BurnStoppedFiveMinutesAgo_IsInactiveThoughTheLongWindowStillBurns()
    {
        // Arrange: failures only between 10 and 60 minutes ago; the short window is clean.
        var now = SloTestStore.Now;
        await _store.WriteAsync(Enumerable.Range(1, 1000).Select(k => SloTestStore.ServerSpan(k, now - TimeSpan.FromMilliseconds(3600 * k), error: k > 200 && k % 25 == 0)));

        // Act
        var sample = Assert.Single(await EvaluateAsync(now, alertIndex: 0));

        // Assert: 32 failures (k = 225, 250, ... 1000) of 1,000: burn 32 over an hour, but 0 over 5 minutes.
        Assert.Equal(32, sample.Value!.Value, 9);
        Assert.False(sample.IsActive);
    }

    [Fact]
    public async Task Condition_NoTraffic_IsInactiveWithNoValue()
    {
        // Act
        var sample = Assert.Single(await EvaluateAsync(SloTestStore.Now, alertIndex: 2));

        // Assert
        Assert.False(sample.IsActive);
        Assert.Null(sample.Value);
        Assert.Equal(1, sample.Threshold);
    }

    private async Task<IReadOnlyList<RuleSample>> EvaluateAsync(DateTimeOffset now, int alertIndex)
    {
        var slo = new SloDefinition("checkout", "shop", 0.999, TimeSpan.FromDays(30), new SpanErrorIndicator("shop"));
        var options = SloRules.From([slo])[alertIndex];
        var kind = RuleKinds.Find(options.Kind)!;
        var context = new RuleLoadContext(Directory.GetCurrentDirectory(), null);
        var condition = kind.Create(options, context);
        var rule = new AlertRule { Name = options.Name!, Kind = kind, Options = options, LoadContext = context };
        return await condition.EvaluateAsync(new RuleContext { Now = now, Rule = rule, Reader = _store.Store, Signals = _store.Store, Triage = _store.Store }, CancellationToken.None);
    }
}
