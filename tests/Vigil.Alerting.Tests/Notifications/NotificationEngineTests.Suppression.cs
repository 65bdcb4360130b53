using Vigil.Alerting.Notifications;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>Silences, mute windows and inhibition hold alerts back, and each suppression is recorded once, with why.</summary>
public sealed partial class NotificationEngineTests
{
    [Fact]
    public void Turn_ActiveSilence_HoldsBackAndRecordsWhyOnce()
    {
        var engine = Engine(OneWebhook());
        engine.Receive([Some.Firing("A", Some.Start, 1, ("service", "shop")), Some.Firing("A", Some.Start, 2, ("service", "cart"))], Some.Start);
        var silence = new Silence { Id = 9, Matchers = [Some.Matcher("service=shop")], StartsAt = Some.Start, EndsAt = Some.Start + TimeSpan.FromHours(1), Comment = "deploy" };

        var turn = engine.Turn(Some.Start + s_wait, [silence]);
        Assert.Equal([2L], Assert.Single(turn.Deliveries).Notification.Alerts.Select(a => a.Alert.Id));
        var held = Assert.Single(turn.Suppressed);
        Assert.Equal(NotificationOutcome.Suppressed, held.Outcome);
        Assert.Equal([1L], held.AlertIds);
        Assert.Equal("silence 9 (deploy)", held.Detail);
        Assert.Equal("ops", held.Channel);

        // The same suppression at the next turn is not recorded again.
        Assert.Empty(engine.Turn(Some.Start + s_wait + s_interval, [silence]).Suppressed);
    }

    [Fact]
    public void Turn_SilenceExpires_AlertIsToldAtTheNextTurn()
    {
        var engine = Engine(OneWebhook());
        engine.Receive([Some.Firing("A", Some.Start, 1)], Some.Start);
        var silence = new Silence { Id = 1, Matchers = [Some.Matcher("alertname=A")], StartsAt = Some.Start, EndsAt = Some.Start + TimeSpan.FromMinutes(3) };

        Assert.Empty(engine.Turn(Some.Start + s_wait, [silence]).Deliveries);
        var sent = Assert.Single(engine.Turn(Some.Start + s_wait + s_interval, [silence]).Deliveries);
        Assert.Equal(NotificationKind.Firing, sent.Notification.Kind);
    }

    [Fact]
    public void Turn_PendingSilence_HoldsNothingBack()
    {
        var engine = Engine(OneWebhook());
        engine.Receive([Some.Firing("A", Some.Start, 1)], Some.Start);
        var later = new Silence { Id = 1, Matchers = [Some.Matcher("alertname=A")], StartsAt = Some.Start + TimeSpan.FromHours(1), EndsAt = Some.Start + TimeSpan.FromHours(2) };

        Assert.Single(engine.Turn(Some.Start + s_wait, [later]).Deliveries);
    }

    [Theory]
    [InlineData(2026, 3, 2, 23, 30, true)]   // Monday 23:30 UTC = Tuesday 00:30 in Paris: inside 00:00-06:00
    [InlineData(2026, 3, 2, 12, 0, false)]   // Monday noon
    [InlineData(2026, 3, 7, 12, 0, true)]    // Saturday noon: the weekend window
    public void Turn_MuteWindow_HoldsBackInsideTheWindowOnly(int year, int month, int day, int hour, int minute, bool muted)
    {
        var section = OneWebhook();
        var nights = new MuteWindowOptions { Name = "nights", TimeZone = "Europe/Paris" };
        nights.Days.Add("weekdays");
        nights.Times.Add("00:00-06:00");
        var weekends = new MuteWindowOptions { Name = "weekends" };
        weekends.Days.Add("saturday-sunday");
        section.MuteWindows.Add(nights);
        section.MuteWindows.Add(weekends);
        section.Route.MuteWindows.Add("nights");
        section.Route.MuteWindows.Add("weekends");
        var engine = Engine(section);
        var at = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
        engine.Receive([Some.Firing("A", at, 1)], at);

        var turn = engine.Turn(at + s_wait, []);
        Assert.Equal(muted ? 0 : 1, turn.Deliveries.Count);
        Assert.Equal(muted ? 1 : 0, turn.Suppressed.Count);
        if (muted)
        {
            Assert.StartsWith("mute window ", turn.Suppressed[0].Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Turn_InhibitingAlertFires_TargetsWithEqualLabelsAreHeldBack()
    {
        var section = OneWebhook();
        section.Route.GroupBy = ["..."];
        var rule = new InhibitRuleOptions();
        rule.SourceMatchers.Add("alertname=ServiceDown");
        rule.TargetMatchers.Add("alertname=HighLatency");
        rule.Equal.Add("service");
        section.Inhibit.Add(rule);
        var engine = Engine(section);
        engine.Receive(
        [
            Some.Firing("ServiceDown", Some.Start, 1, ("service", "shop")),
            Some.Firing("HighLatency", Some.Start, 2, ("service", "shop")),
            Some.Firing("HighLatency", Some.Start, 3, ("service", "cart")),
        ], Some.Start);

        var turn = engine.Turn(Some.Start + s_wait, []);
        Assert.Equal([1L, 3], turn.Deliveries.SelectMany(d => d.Notification.Alerts).Select(a => a.Alert.Id).Order());
        var held = Assert.Single(turn.Suppressed);
        Assert.Equal([2L], held.AlertIds);
        Assert.Equal("inhibited by {alertname=\"ServiceDown\", service=\"shop\"}", held.Detail);
    }

    [Fact]
    public void Turn_InhibitingAlertResolves_TargetIsToldAtItsNextTurn()
    {
        var section = OneWebhook();
        section.Route.GroupBy = ["..."];
        var rule = new InhibitRuleOptions();
        rule.SourceMatchers.Add("alertname=ServiceDown");
        rule.TargetMatchers.Add("alertname=HighLatency");
        section.Inhibit.Add(rule);
        var engine = Engine(section);
        var down = Some.Firing("ServiceDown", Some.Start, 1);
        engine.Receive([down, Some.Firing("HighLatency", Some.Start, 2)], Some.Start);
        Assert.Equal([1L], engine.Turn(Some.Start + s_wait, []).Deliveries.SelectMany(d => d.Notification.Alerts).Select(a => a.Alert.Id));

        engine.Receive([Some.Resolved(down, Some.Start + TimeSpan.FromMinutes(1))], Some.Start + TimeSpan.FromMinutes(1));
        var next = engine.Turn(Some.Start + s_wait + s_interval, []).Deliveries;
        Assert.Contains(next, d => d.Notification.Kind == NotificationKind.Firing && d.Notification.Alerts.Single().Alert.Id == 2);
        Assert.Contains(next, d => d.Notification.Kind == NotificationKind.Resolved && d.Notification.Alerts.Single().Alert.Id == 1);
    }
}
