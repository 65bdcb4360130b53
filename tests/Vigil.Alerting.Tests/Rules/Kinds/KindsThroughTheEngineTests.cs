using Microsoft.Extensions.Hosting;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Absence;
using Vigil.Alerting.Rules.Log;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>The log and absence kinds through the real engine, validator and SQLite store: the notifier gets the value and the evidence.</summary>
public sealed class KindsThroughTheEngineTests
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

    [Fact]
    public async Task LogRule_ErrorBurst_FiresWithTheCountAndTheNewestLines()
    {
        // Arrange: four errors and a few info records of the shop, in the last minute on the engine's clock.
        await using var fixture = new EngineFixture();
        var now = fixture.Time.GetUtcNow();
        var logs = Enumerable.Range(0, 8).Select(i => new LogEntry
        {
            Timestamp = now.AddSeconds(-50 + (5 * i)),
            SeverityNumber = i % 2 == 0 ? 17 : 9,
            Body = i % 2 == 0 ? $"payment failed {i}" : $"order placed {i}",
            Resource = ConditionHarness.Resource("shop"),
        }).ToList();
        await fixture.Store.WriteAsync(new TelemetryBatch { Logs = logs });
        var rule = new AlertRuleOptions { Name = "ShopErrors", Kind = "log", Interval = "10s", Log = new LogRuleOptions { Level = "error", Window = "1m", Threshold = 3 } };
        using var engine = fixture.Engine(Section(rule));

        // Act
        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        var firing = await Eventually.WaitForAsync(() => fixture.Notifier.All.FirstOrDefault(a => a.State == AlertState.Firing), "the firing log alert handed over");
        await ((IHostedService)engine).StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal("shop", firing.Labels["service"]);
        Assert.Equal(logs.Count(l => l.SeverityNumber >= 17), firing.Value);
        Assert.Equal(3, firing.Threshold);
        Assert.Equal(["payment failed 6", "payment failed 4", "payment failed 2", "payment failed 0"], firing.Evidence.LogLines.Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }

    [Fact]
    public async Task AbsenceRule_SilentService_FiresWithWhenItWasLastSeen()
    {
        await using var fixture = new EngineFixture();
        await fixture.Store.WriteAsync(new TelemetryBatch { Logs = [new LogEntry { Timestamp = fixture.Time.GetUtcNow().AddMinutes(-10), Body = "tick", Resource = ConditionHarness.Resource("worker") }] });
        var rule = new AlertRuleOptions { Name = "WorkerDead", Kind = "absence", Interval = "10s", Absence = new AbsenceRuleOptions { Service = "worker", Window = "5m" } };
        using var engine = fixture.Engine(Section(rule));

        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        var firing = await Eventually.WaitForAsync(() => fixture.Notifier.All.FirstOrDefault(a => a.State == AlertState.Firing), "the firing absence alert handed over");
        await ((IHostedService)engine).StopAsync(CancellationToken.None);

        Assert.Equal("worker", firing.Labels["service"]);
        Assert.Equal(600, firing.Value);
        Assert.Contains("(10m ago)", firing.Evidence.Detail, StringComparison.Ordinal);
    }
}
