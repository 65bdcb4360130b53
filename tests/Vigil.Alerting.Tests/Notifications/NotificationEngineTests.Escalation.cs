using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Notifications.Engine;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>Escalation: levels by delay while firing unacknowledged, acknowledgement stops it, its timeout re-triggers, repeats.</summary>
public sealed partial class NotificationEngineTests
{
    private static AlertingSection Escalating(int repeat = 0, TimeSpan? acknowledgementTimeout = null)
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("team"));
        section.Channels.Add(Some.Webhook("oncall"));
        section.Channels.Add(Some.Webhook("manager"));
        section.Route.Channels.Add("team");
        section.Route.Escalation = "page";
        var policy = new EscalationPolicyOptions { Name = "page", Repeat = repeat, AcknowledgementTimeout = acknowledgementTimeout };
        var first = new EscalationLevelOptions();
        first.Channels.Add("oncall");
        var second = new EscalationLevelOptions { Delay = TimeSpan.FromMinutes(10) };
        second.Channels.Add("manager");
        policy.Levels.Add(first);
        policy.Levels.Add(second);
        section.Escalations.Add(policy);
        return section;
    }

    /// <summary>Every notification from <paramref name="from"/> to <paramref name="to"/>, one turn a second (as the service runs it).</summary>
    private static List<(TimeSpan After, string Channel, string Kind, int? Level)> Run(NotificationEngine engine, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, IReadOnlyList<AlertInstance>?>? publish = null)
    {
        var sent = new List<(TimeSpan, string, string, int?)>();
        for (var at = from; at <= to; at += TimeSpan.FromSeconds(1))
        {
            if (publish?.Invoke(at) is { } alerts)
            {
                engine.Receive(alerts, at);
            }

            sent.AddRange(engine.Turn(at, []).Deliveries.Select(d => (at - Some.Start, d.Channel, d.Notification.Kind, d.Notification.EscalationLevel)));
        }

        return sent;
    }

    [Fact]
    public void Turn_NotAcknowledged_EscalatesLevelByLevelThenStops()
    {
        var engine = Engine(Escalating());
        engine.Receive([Some.Firing("A", Some.Start, 1)], Some.Start);

        var sent = Run(engine, Some.Start, Some.Start + TimeSpan.FromHours(1));
        Assert.Equal(
        [
            (s_wait, "team", NotificationKind.Firing, null),
            (s_wait, "oncall", NotificationKind.Escalation, 1),
            (s_wait + TimeSpan.FromMinutes(10), "manager", NotificationKind.Escalation, 2),
        ], sent);
    }

    [Fact]
    public void Turn_AcknowledgedBeforeTheNextLevel_StopsEscalation()
    {
        var engine = Engine(Escalating());
        var alert = Some.Firing("A", Some.Start, 1);
        engine.Receive([alert], Some.Start);
        var ackAt = Some.Start + TimeSpan.FromMinutes(5);

        var sent = Run(engine, Some.Start, Some.Start + TimeSpan.FromHours(2), at => at == ackAt ? [Some.Acknowledged(alert, ackAt)] : null);
        Assert.DoesNotContain(sent, s => s.Level == 2);
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public void Turn_AcknowledgementTimesOut_EscalatesAgainFromTheFirstLevel()
    {
        var engine = Engine(Escalating(acknowledgementTimeout: TimeSpan.FromMinutes(30)));
        var alert = Some.Firing("A", Some.Start, 1);
        engine.Receive([alert], Some.Start);
        var ackAt = Some.Start + TimeSpan.FromMinutes(5);

        var sent = Run(engine, Some.Start, Some.Start + TimeSpan.FromMinutes(50), at => at == ackAt ? [Some.Acknowledged(alert, ackAt)] : null);
        Assert.Equal(
        [
            (s_wait, "team", NotificationKind.Firing, null),
            (s_wait, "oncall", NotificationKind.Escalation, 1),
            (TimeSpan.FromMinutes(35), "oncall", NotificationKind.Escalation, 1),
            (TimeSpan.FromMinutes(45), "manager", NotificationKind.Escalation, 2),
        ], sent);
    }

    [Fact]
    public void Turn_PolicyRepeats_StartsOverRepeatTimesAfterTheLastLevel()
    {
        var engine = Engine(Escalating(repeat: 2));
        engine.Receive([Some.Firing("A", Some.Start, 1)], Some.Start);

        var levels = Run(engine, Some.Start, Some.Start + TimeSpan.FromHours(2)).Where(s => s.Kind == NotificationKind.Escalation).Select(s => (s.After, s.Level)).ToList();

        // The repeat delay defaults to the last level's (10 m): levels 1, 2, then twice more 1, 2.
        var t = s_wait;
        var m = TimeSpan.FromMinutes(10);
        Assert.Equal([(t, 1), (t + m, 2), (t + (2 * m), 1), (t + (3 * m), 2), (t + (4 * m), 1), (t + (5 * m), 2)], levels);
    }

    [Fact]
    public void Turn_ResolvedAfterEscalation_TellsEveryChannelEscalationReached()
    {
        var engine = Engine(Escalating());
        var alert = Some.Firing("A", Some.Start, 1);
        engine.Receive([alert], Some.Start);
        Run(engine, Some.Start, Some.Start + TimeSpan.FromMinutes(15));

        engine.Receive([Some.Resolved(alert, Some.Start + TimeSpan.FromMinutes(16))], Some.Start + TimeSpan.FromMinutes(16));
        var resolved = Run(engine, Some.Start + TimeSpan.FromMinutes(16), Some.Start + TimeSpan.FromMinutes(30));
        Assert.Equal(["manager", "oncall", "team"], resolved.Where(s => s.Kind == NotificationKind.Resolved).Select(s => s.Channel).Order(StringComparer.Ordinal));
        Assert.Equal(3, resolved.Count);
    }

    [Fact]
    public void Turn_SilencedGroup_DoesNotEscalate()
    {
        var engine = Engine(Escalating());
        engine.Receive([Some.Firing("A", Some.Start, 1)], Some.Start);
        Assert.Equal(2, engine.Turn(Some.Start + s_wait, []).Deliveries.Count);

        var silence = new Silence { Id = 3, Matchers = [Some.Matcher("alertname=A")], StartsAt = Some.Start, EndsAt = Some.Start + TimeSpan.FromDays(1) };
        Assert.Empty(engine.Turn(Some.Start + s_wait + TimeSpan.FromMinutes(10), [silence]).Deliveries);
    }
}
