using Microsoft.Extensions.Hosting;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Rules;
using Vigil.Alerting.Slos;
using Vigil.Alerting.Tests.Rules;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Slos;

/// <summary>An SLO in the Alerts section, run by the real rule engine over a real store: its page fires, stored and handed to the notifier.</summary>
public sealed class SloEngineTests
{
    [Fact]
    public void RuleSet_SectionWithAnSlo_HoldsItsRulesBesideTheConfiguredOnes()
    {
        // Arrange
        var section = Section();

        // Act
        var set = RuleSet.Load(section, configurationFile: null);

        // Assert
        Assert.Empty(set.Problems);
        Assert.Equal(["slo:checkout:page:1h-5m", "slo:checkout:page:6h-30m", "slo:checkout:ticket:3d-6h"], set.Rules.Select(r => r.Name));
        Assert.All(set.Rules, r => Assert.Equal(SloRules.Interval, r.Interval));
    }

    [Fact]
    public void RuleSet_ConfiguredRuleWithAnSloRulesName_IsAProblem()
    {
        // Arrange
        var section = Section();
        section.Rules.Add(new AlertRuleOptions { Name = "slo:checkout:page:1h-5m", Kind = "health", Health = new() });

        // Act
        var set = RuleSet.Load(section, configurationFile: null);

        // Assert
        Assert.Contains(set.Problems, p => p.Message.Contains("already the name of Alerts:Rules:0", StringComparison.Ordinal));
        Assert.Empty(set.Rules);
    }

    [Fact]
    public async Task Engine_FastBurn_FiresThePageWithTheBurnRateAsValue()
    {
        // Arrange: in the last hour 1,000 spans (one every 3.6 s), 22 failed, 3 of them in the last 5 minutes.
        await using var fixture = new EngineFixture();
        var now = fixture.Time.GetUtcNow();
        await fixture.Store.WriteAsync(new TelemetryBatch
        {
            Spans = [.. Enumerable.Range(1, 1000).Select(k => SloTestStore.ServerSpan(k, now - TimeSpan.FromMilliseconds(3600 * k), error: k % 50 == 0 || k is 3 or 7))],
        });
        using var engine = fixture.Engine(Section());

        // Act
        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        var firing = await Eventually.WaitForAsync(() => fixture.Notifier.All.FirstOrDefault(a => a.State == AlertState.Firing && a.RuleName == "slo:checkout:page:1h-5m"), "the fast page handed over");
        await ((IHostedService)engine).StopAsync(CancellationToken.None);

        // Assert: 1 h holds 22 of 1,000 (burn 22 > 14.4), 5 m holds 3 of 83 (burn 36); the value is the long window's.
        Assert.Equal("critical", firing.Labels["severity"]);
        Assert.Equal("page", firing.Labels["slo_severity"]);
        Assert.Equal(("1h", "5m"), (firing.Labels["long_window"], firing.Labels["short_window"]));
        Assert.Equal("checkout", firing.Labels["slo"]);
        Assert.Equal("shop", firing.Labels["service"]);
        Assert.Equal(22, firing.Value!.Value, 9);
        Assert.Equal(14.4, firing.Threshold);
        var stored = await fixture.AlertsAsync(AlertState.Firing);
        Assert.Contains(stored, a => a.Id == firing.Id);
    }

    private static AlertingSection Section()
    {
        var section = new AlertingSection { DefaultRules = false };
        section.Slos.Add(new SloSection { Name = "checkout", Service = "shop", Objective = 99.9, Indicator = new SloIndicatorSection { Kind = "spanErrors" } });
        return section;
    }
}
