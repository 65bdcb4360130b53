using Microsoft.Extensions.Hosting;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Rules;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules;

public sealed class AlertRuleEngineTests
{
    private static AlertingSection Section(params AlertRuleOptions[] rules)
    {
        var section = new AlertingSection { DefaultRules = false };
        foreach (var rule in rules)
        {
            section.Rules.Add(rule);
        }

        return section;
    }

    private static AlertRuleOptions ProbeDown(string? @for = null) =>
        new() { Name = "ProbeDown", Kind = "health", Interval = "10s", For = @for, Severity = "critical", Health = new() { Source = "probe" } };

    private static AlertRuleStatus? Only(AlertRuleEngine engine)
    {
        var rules = engine.Rules;
        return rules.Count == 1 ? rules[0] : null;
    }

    [Fact]
    public async Task Health_ProbeUnhealthyThenHealthy_FiresThenResolvesInTheStoreAndAtTheNotifier()
    {
        await using var fixture = new EngineFixture();
        await fixture.WriteAsync(fixture.Probe("api", HealthStatus.Unhealthy));
        using var engine = fixture.Engine(Section(ProbeDown()));
        await ((IHostedService)engine).StartAsync(CancellationToken.None);

        var firing = await Eventually.WaitForAsync(() => fixture.Notifier.All.FirstOrDefault(a => a.State == AlertState.Firing), "the firing alert handed over");
        Assert.Equal("ProbeDown", firing.RuleName);
        Assert.Equal("api", firing.Labels["check"]);
        Assert.Equal("probe", firing.Labels["health_source"]);
        Assert.True(firing.Id > 0);
        Assert.Equal(2, firing.Value);
        Assert.Contains("connection refused", Assert.Single(firing.Evidence.LogLines), StringComparison.Ordinal);
        var stored = Assert.Single(await fixture.AlertsAsync(AlertState.Firing));
        Assert.Equal(firing.Id, stored.Id);

        await fixture.WriteAsync(fixture.Probe("api", HealthStatus.Healthy));
        await fixture.AdvanceUntilAsync(async () => (await fixture.AlertsAsync(AlertState.Resolved)).Count == 1, "the alert resolved in the store");
        await Eventually.TrueAsync(() => fixture.Notifier.All.Any(a => a.State == AlertState.Resolved && a.Id == firing.Id), "the resolved alert handed over");
        var history = await fixture.Store.QueryAlertHistoryAsync(new AlertHistoryQuery { AlertId = firing.Id });
        Assert.Equal([AlertState.Resolved, AlertState.Firing], history.Select(t => t.To));

        var status = Assert.Single(engine.Rules);
        Assert.Equal(AlertState.Inactive, status.State);
        Assert.True(status.Evaluations >= 2);
        Assert.Equal(0, status.Failures);
        await ((IHostedService)engine).StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Restart_PendingInstance_KeepsItsForAndFiresOnTimeAfterTheRestart()
    {
        await using var fixture = new EngineFixture();
        await fixture.WriteAsync(fixture.Probe("api", HealthStatus.Unhealthy, interval: TimeSpan.FromHours(1)));
        var section = Section(ProbeDown(@for: "5m"));
        using (var first = fixture.Engine(section))
        {
            await ((IHostedService)first).StartAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => Only(first)?.Pending == 1, "pending before the restart");
            await ((IHostedService)first).StopAsync(CancellationToken.None);
        }

        var pending = Assert.Single(await fixture.AlertsAsync(AlertState.Pending));
        Assert.Equal(TestRules.Start, pending.ActiveSince);

        // Three minutes later the server starts again: two more minutes of For, not five.
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        await fixture.ReopenAsync();
        using var second = fixture.Engine(section);
        await ((IHostedService)second).StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Only(second)?.Evaluations >= 1, "evaluated after the restart");
        Assert.Equal(1, second.Rules.Single().Pending);

        await fixture.AdvanceUntilAsync(async () => (await fixture.AlertsAsync(AlertState.Firing)).Count == 1, "fired", TimeSpan.FromSeconds(10));
        var fired = Assert.Single(await fixture.AlertsAsync(AlertState.Firing));
        Assert.Equal(TestRules.Start, fired.ActiveSince);
        Assert.InRange(fired.FiredAt!.Value, TestRules.Start.AddMinutes(5), TestRules.Start.AddMinutes(5).AddSeconds(20));
        await ((IHostedService)second).StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reload_GoodRuleFile_TakesTheNewRules_AndABadOneKeepsThemAndSaysWhy()
    {
        await using var fixture = new EngineFixture();
        fixture.Directory.Write("rules.json", """{ "Rules": [ { "Name": "A", "Kind": "health" } ] }""");
        var section = Section();
        section.RuleFiles.Add("rules.json");
        var source = new AlertRuleSource(section, fixture.Directory.Combine("vigil.server.json"));
        using var engine = fixture.Engine(source);
        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => engine.Rules.Count == 1, "rule A loaded");

        // A good change is picked up by the watch.
        fixture.Directory.Write("rules.json", """{ "Rules": [ { "Name": "A", "Kind": "health" }, { "Name": "B", "Kind": "health", "Interval": "1m" } ] }""");
        await fixture.AdvanceUntilAsync(() => Task.FromResult(engine.Rules.Count == 2), "rule B loaded");
        Assert.Equal("file change", engine.LastReload!.Trigger);
        Assert.True(engine.LastReload.Succeeded);
        Assert.Equal(TimeSpan.FromMinutes(1), engine.Rules.Single(r => r.Name == "B").Interval);

        // A bad change keeps A and B, and says which rule and field is wrong.
        fixture.Directory.Write("rules.json", """{ "Rules": [ { "Name": "A", "Kind": "health", "For": "soon" } ] }""");
        await fixture.AdvanceUntilAsync(() => Task.FromResult(engine.LastReload is { Succeeded: false }), "the bad reload reported");
        Assert.Equal(["A", "B"], engine.Rules.Select(r => r.Name));
        Assert.StartsWith("rules.json:Rules:0:For: 'soon' is not a duration", Assert.Single(engine.LastReload!.Problems), StringComparison.Ordinal);

        // Asked through the API, the answer says the same.
        var asked = await engine.ReloadAsync();
        Assert.False(asked.Succeeded);
        Assert.Equal("api", asked.Trigger);
        Assert.Equal(2, asked.Rules);
        await ((IHostedService)engine).StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reload_RereadThrows_KeepsTheRulesAndReportsTheMessage()
    {
        await using var fixture = new EngineFixture();
        var source = new AlertRuleSource(Section(ProbeDown()), reread: () => throw new InvalidDataException("vigil.server.json: Alerts:Rules:0:Kind: \"x\" is not a rule kind"));
        using var engine = fixture.Engine(source);
        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => engine.Rules.Count == 1, "loaded");

        var reload = await engine.ReloadAsync();

        Assert.False(reload.Succeeded);
        Assert.Equal("vigil.server.json: Alerts:Rules:0:Kind: \"x\" is not a rule kind", Assert.Single(reload.Problems));
        Assert.Equal("ProbeDown", Assert.Single(engine.Rules).Name);
        await ((IHostedService)engine).StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reload_RemovedRule_ResolvesItsFiringInstances()
    {
        await using var fixture = new EngineFixture();
        await fixture.WriteAsync(fixture.Probe("api", HealthStatus.Unhealthy));
        AlertingSection current = Section(ProbeDown());
        using var engine = fixture.Engine(new AlertRuleSource(current, reread: () => current));
        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Only(engine)?.Firing == 1, "firing");

        current = Section(new AlertRuleOptions { Name = "Other", Kind = "health", Health = new() { Source = "check" } });
        var reload = await engine.ReloadAsync();

        Assert.True(reload.Succeeded);
        Assert.Equal("Other", Assert.Single(engine.Rules).Name);
        var resolved = Assert.Single(await fixture.AlertsAsync(AlertState.Resolved));
        Assert.Equal("ProbeDown", resolved.RuleName);
        Assert.Contains(fixture.Notifier.All, a => a.Id == resolved.Id && a.State == AlertState.Resolved);
        await ((IHostedService)engine).StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Reload_KeptRule_KeepsItsPendingInstance()
    {
        await using var fixture = new EngineFixture();
        await fixture.WriteAsync(fixture.Probe("api", HealthStatus.Unhealthy, interval: TimeSpan.FromHours(1)));
        var current = Section(ProbeDown(@for: "10m"));
        using var engine = fixture.Engine(new AlertRuleSource(current, reread: () => current));
        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Only(engine)?.Pending == 1, "pending");

        var changed = ProbeDown(@for: "10m");
        changed.Annotations["summary"] = "{{ labels.check }} is down";
        current = Section(changed);
        Assert.True((await engine.ReloadAsync()).Succeeded);
        fixture.Time.Advance(TimeSpan.FromSeconds(10));

        await Eventually.TrueAsync(() => Only(engine)?.Evaluations >= 1 && Only(engine)?.Pending == 1, "still pending after the reload");
        await fixture.AdvanceUntilAsync(async () => (await fixture.AlertsAsync(AlertState.Pending)).Any(a => a.Annotations.Count == 1), "the new annotation saved", TimeSpan.Zero);
        var pending = Assert.Single(await fixture.AlertsAsync(AlertState.Pending));
        Assert.Equal(TestRules.Start, pending.ActiveSince);
        Assert.Equal("api is down", pending.Annotations["summary"]);
        await ((IHostedService)engine).StopAsync(CancellationToken.None);
    }
}
