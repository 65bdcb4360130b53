using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Notifications.Engine;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>The engine's routing and grouping timers, on a clock the test moves (the engine takes "now" from its caller).</summary>
public sealed partial class NotificationEngineTests
{
    private static readonly TimeSpan s_wait = NotificationRouteOptions.DefaultGroupWait;
    private static readonly TimeSpan s_interval = NotificationRouteOptions.DefaultGroupInterval;

    private static NotificationEngine Engine(AlertingSection section) => new(Some.Compile(section), (_, _) => NotificationLinks.None);

    private static AlertingSection OneWebhook()
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops"));
        return section;
    }

    private static List<OutgoingNotification> Turn(NotificationEngine engine, DateTimeOffset at, params Silence[] silences) => [.. engine.Turn(at, silences).Deliveries];

    [Fact]
    public void Turn_NewAlert_WaitsGroupWaitThenSendsOneNotification()
    {
        var engine = Engine(OneWebhook());
        engine.Receive([Some.Firing("HighErrors", Some.Start, 1)], Some.Start);

        Assert.Empty(Turn(engine, Some.Start + s_wait - TimeSpan.FromSeconds(1)));
        var sent = Assert.Single(Turn(engine, Some.Start + s_wait));
        Assert.Equal("ops", sent.Channel);
        Assert.Equal(NotificationKind.Firing, sent.Notification.Kind);
        Assert.Equal([1L], sent.Notification.Alerts.Select(a => a.Alert.Id));
        Assert.Empty(Turn(engine, Some.Start + s_wait + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Turn_AlertsSharingGroupLabels_AreOneNotification()
    {
        var section = OneWebhook();
        section.Route.GroupBy = ["service"];
        var engine = Engine(section);
        engine.Receive([Some.Firing("A", Some.Start, 1, ("service", "shop")), Some.Firing("B", Some.Start, 2, ("service", "shop")), Some.Firing("C", Some.Start, 3, ("service", "cart"))], Some.Start);
        engine.Receive([Some.Firing("D", Some.Start + TimeSpan.FromSeconds(10), 4, ("service", "shop"))], Some.Start + TimeSpan.FromSeconds(10));

        var sent = Turn(engine, Some.Start + s_wait);
        Assert.Equal(2, sent.Count);
        var shop = Assert.Single(sent, s => s.Notification.GroupLabels["service"] == "shop");
        Assert.Equal([1L, 2, 4], shop.Notification.Alerts.Select(a => a.Alert.Id).Order());
        Assert.Equal("0:{service=\"shop\"}", shop.Notification.GroupKey);
    }

    [Fact]
    public void Turn_AlertJoiningAfterFirstNotification_WaitsForGroupInterval()
    {
        var engine = Engine(OneWebhook());
        engine.Receive([Some.Firing("A", Some.Start, 1, ("x", "1"))], Some.Start);
        Assert.Single(Turn(engine, Some.Start + s_wait));

        engine.Receive([Some.Firing("A", Some.Start + TimeSpan.FromMinutes(1), 2, ("x", "2"))], Some.Start + TimeSpan.FromMinutes(1));
        Assert.Empty(Turn(engine, Some.Start + s_wait + s_interval - TimeSpan.FromSeconds(1)));
        var sent = Assert.Single(Turn(engine, Some.Start + s_wait + s_interval));
        Assert.Equal(NotificationKind.Firing, sent.Notification.Kind);
        Assert.Equal([1L, 2], sent.Notification.Alerts.Select(a => a.Alert.Id).Order());
    }

    [Fact]
    public void Turn_StillFiring_RemindsAfterRepeatIntervalOnly()
    {
        var engine = Engine(OneWebhook());
        var alert = Some.Firing("A", Some.Start, 1);
        engine.Receive([alert], Some.Start);
        Assert.Single(Turn(engine, Some.Start + s_wait));

        // Every group interval before the 4 h repeat interval is quiet, though the rule engine re-sends the alert each time.
        var at = Some.Start + s_wait;
        var reminders = new List<DateTimeOffset>();
        for (var i = 1; i <= 48; i++)
        {
            at += s_interval;
            engine.Receive([alert with { LastEvaluated = at }], at);
            reminders.AddRange(Turn(engine, at).Where(s => s.Notification.Kind == NotificationKind.Reminder).Select(s => s.Notification.At));
        }

        Assert.Equal([Some.Start + s_wait + NotificationRouteOptions.DefaultRepeatInterval], reminders);
    }

    [Fact]
    public void Turn_AllResolved_SendsResolvedOnceAndForgetsGroup()
    {
        var engine = Engine(OneWebhook());
        var alert = Some.Firing("A", Some.Start, 1);
        engine.Receive([alert], Some.Start);
        Turn(engine, Some.Start + s_wait);

        engine.Receive([Some.Resolved(alert, Some.Start + TimeSpan.FromMinutes(2))], Some.Start + TimeSpan.FromMinutes(2));
        var sent = Assert.Single(Turn(engine, Some.Start + s_wait + s_interval));
        Assert.Equal(NotificationKind.Resolved, sent.Notification.Kind);
        Assert.False(sent.Notification.IsFiring);
        Assert.Empty(engine.Groups);
        Assert.Empty(Turn(engine, Some.Start + s_wait + (2 * s_interval)));
    }

    [Fact]
    public void Turn_ResolvedBeforeEverNotified_SendsNothing()
    {
        var engine = Engine(OneWebhook());
        var alert = Some.Firing("A", Some.Start, 1);
        engine.Receive([alert], Some.Start);
        engine.Receive([Some.Resolved(alert, Some.Start + TimeSpan.FromSeconds(5))], Some.Start + TimeSpan.FromSeconds(5));

        Assert.Empty(Turn(engine, Some.Start + s_wait));
        Assert.Empty(engine.Groups);
    }

    [Fact]
    public void Turn_FlappingAlertWithinGroupInterval_IsNotToldAgain()
    {
        var engine = Engine(OneWebhook());
        var alert = Some.Firing("A", Some.Start, 1);
        engine.Receive([alert], Some.Start);
        Assert.Single(Turn(engine, Some.Start + s_wait));

        // Resolves and fires again ten times between two turns of the group.
        var at = Some.Start + s_wait;
        for (var i = 0; i < 10; i++)
        {
            at += TimeSpan.FromSeconds(10);
            engine.Receive([Some.Resolved(alert, at)], at);
            Assert.Empty(Turn(engine, at));
            at += TimeSpan.FromSeconds(10);
            engine.Receive([alert with { FiredAt = at }], at);
            Assert.Empty(Turn(engine, at));
        }

        Assert.Empty(Turn(engine, Some.Start + s_wait + s_interval));
    }

    [Fact]
    public void Turn_PendingAlert_IsNotNotified()
    {
        var engine = Engine(OneWebhook());
        engine.Receive([Some.Firing("A", Some.Start, 1) with { State = AlertState.Pending, FiredAt = null }], Some.Start);

        Assert.Empty(Turn(engine, Some.Start + s_wait));
        Assert.Empty(engine.Groups);
    }

    [Fact]
    public void Turn_GroupByEveryLabel_MakesOneGroupPerAlert()
    {
        var section = OneWebhook();
        section.Route.GroupBy = ["..."];
        var engine = Engine(section);
        engine.Receive([Some.Firing("A", Some.Start, 1, ("x", "1")), Some.Firing("A", Some.Start, 2, ("x", "2"))], Some.Start);

        Assert.Equal(2, Turn(engine, Some.Start + s_wait).Count);
    }
}
