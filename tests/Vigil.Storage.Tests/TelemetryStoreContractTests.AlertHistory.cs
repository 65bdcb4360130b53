using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Alert history: transitions and notification attempts, filtered by alert, rule, labels and time; and their retention.</summary>
public abstract partial class TelemetryStoreContractTests
{
    /// <summary>Two rules' instances, each pending at Start and firing a minute later; returns (shop, cart, latency).</summary>
    private async Task<(long Shop, long Cart, long Latency)> SaveHistoryAsync()
    {
        var t = SomeAlerts.Start;
        AlertInstance[] pending =
        [
            SomeAlerts.Instance("Errors", AlertState.Pending, t, ("service", "shop")),
            SomeAlerts.Instance("Errors", AlertState.Pending, t, ("service", "cart")),
            SomeAlerts.Instance("Latency", AlertState.Pending, t, ("service", "shop")),
        ];
        var saved = await Alerts.SaveAlertsAsync(pending);
        await Alerts.SaveAlertsAsync([.. pending.Select(p => p with { State = AlertState.Firing, FiredAt = t.AddMinutes(1), LastEvaluated = t.AddMinutes(1) })]);
        return (saved[0].Id, saved[1].Id, saved[2].Id);
    }

    [Fact]
    public async Task QueryAlertHistoryAsync_Filters_ByRuleMatchersTimeAndLimit()
    {
        // Arrange
        var (shop, cart, latency) = await SaveHistoryAsync();
        var t = SomeAlerts.Start;

        // Act
        var byRule = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { RuleName = "Latency" });
        var byLabel = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { Matchers = [SomeAlerts.Matcher("service=shop")] });
        var since = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { Since = t.AddSeconds(30) });
        var until = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { Until = t.AddSeconds(30) });
        var limited = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { Limit = 2 });
        var contradictory = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { AlertId = cart, RuleName = "Latency" });
        var noMatch = await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery { Matchers = [SomeAlerts.Matcher("service=nowhere")] });

        // Assert
        Assert.Equal([latency, latency], byRule.Select(h => h.AlertId));
        Assert.Equal(new[] { shop, latency }.Order(), byLabel.Select(h => h.AlertId).Distinct().Order());
        Assert.Equal(4, byLabel.Count);
        Assert.Equal(3, since.Count);
        Assert.All(since, h => Assert.Equal(AlertState.Firing, h.To));
        Assert.Equal(3, until.Count);
        Assert.All(until, h => Assert.Equal(AlertState.Pending, h.To));
        Assert.Equal(2, limited.Count);
        Assert.All(limited, h => Assert.Equal(t.AddMinutes(1), h.At));
        Assert.Empty(contradictory);
        Assert.Empty(noMatch);
    }

    [Fact]
    public async Task RecordNotificationAsync_Attempts_ReadBackWithTheirAlertsAndFiltered()
    {
        // Arrange
        var (shop, cart, latency) = await SaveHistoryAsync();
        var t = SomeAlerts.Start;

        // Act
        var first = await Alerts.RecordNotificationAsync(SomeAlerts.Attempt(t.AddMinutes(2), cart, shop) with
        {
            Outcome = NotificationOutcome.Failed,
            Detail = "HTTP 500",
        });
        var retry = await Alerts.RecordNotificationAsync(SomeAlerts.Attempt(t.AddMinutes(3), shop, cart) with { Attempt = 2 });
        var escalation = await Alerts.RecordNotificationAsync(SomeAlerts.Attempt(t.AddMinutes(4), latency) with
        {
            Kind = NotificationKind.Escalation,
            EscalationLevel = 2,
            Channel = "pager",
        });

        // Assert
        Assert.Equal(3, new[] { first.Id, retry.Id, escalation.Id }.Distinct().Count());
        var all = await Alerts.QueryNotificationsAsync(new AlertHistoryQuery());
        Assert.Equal([escalation.Id, retry.Id, first.Id], all.Select(a => a.Id));
        Assert.Equal(new[] { shop, cart }.Order(), all[2].AlertIds);
        Assert.Equal((NotificationOutcome.Failed, "HTTP 500", 1, "ops-webhook", "{service=\"shop\"}", t.AddMinutes(2)),
            (all[2].Outcome, all[2].Detail, all[2].Attempt, all[2].Channel, all[2].GroupKey, all[2].At));
        Assert.Equal((NotificationKind.Escalation, (int?)2, "pager"), (all[0].Kind, all[0].EscalationLevel, all[0].Channel));

        Assert.Equal([retry.Id, first.Id], (await Alerts.QueryNotificationsAsync(new AlertHistoryQuery { AlertId = cart })).Select(a => a.Id));
        Assert.Equal([escalation.Id], (await Alerts.QueryNotificationsAsync(new AlertHistoryQuery { RuleName = "Latency" })).Select(a => a.Id));
        Assert.Equal(3, (await Alerts.QueryNotificationsAsync(new AlertHistoryQuery { Matchers = [SomeAlerts.Matcher("service=shop")] })).Count);
        Assert.Equal([first.Id], (await Alerts.QueryNotificationsAsync(new AlertHistoryQuery { Until = t.AddMinutes(3) })).Select(a => a.Id));
        Assert.Equal([escalation.Id], (await Alerts.QueryNotificationsAsync(new AlertHistoryQuery { Since = t.AddMinutes(4) })).Select(a => a.Id));
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxAge_DeletesOldAlertHistoryAndLongResolvedInstancesButKeepsFiring()
    {
        // Arrange: one instance resolved long ago, one firing since long ago, attempts old and new.
        var now = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        Clock.Pinned = now;
        var old = now.AddDays(-10);
        var saved = await Alerts.SaveAlertsAsync(
        [
            SomeAlerts.Instance("Old", AlertState.Firing, old),
            SomeAlerts.Instance("StillFiring", AlertState.Firing, old),
        ]);
        await Alerts.SaveAlertsAsync([SomeAlerts.Instance("Old", AlertState.Resolved, old.AddHours(1)) with { FiredAt = old }]);
        await Alerts.RecordNotificationAsync(SomeAlerts.Attempt(old, saved[0].Id));
        var recent = await Alerts.RecordNotificationAsync(SomeAlerts.Attempt(now.AddHours(-1), saved[1].Id));

        // Act
        await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(7), ChunkSize = 1 });

        // Assert
        Assert.Null(await Alerts.GetAlertAsync(saved[0].Id));
        Assert.NotNull(await Alerts.GetAlertAsync(saved[1].Id));
        Assert.Empty(await Alerts.QueryAlertHistoryAsync(new AlertHistoryQuery()));
        var attempt = Assert.Single(await Alerts.QueryNotificationsAsync(new AlertHistoryQuery()));
        Assert.Equal((recent.Id, saved[1].Id), (attempt.Id, Assert.Single(attempt.AlertIds)));
    }
}
