using Vigil.Alerting.Notifications.Engine;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>After a restart: what the store's attempts say was told is not told again, and escalation resumes.</summary>
public sealed partial class NotificationEngineTests
{
    // The attempts a service would have recorded for these deliveries, all delivered at the given moment.
    private static List<NotificationAttempt> Delivered(IEnumerable<OutgoingNotification> deliveries, DateTimeOffset at) =>
    [
        .. deliveries.Select(d => new NotificationAttempt
        {
            Channel = d.Channel,
            GroupKey = d.Notification.GroupKey,
            AlertIds = [.. d.Notification.Alerts.Select(a => a.Alert.Id)],
            Kind = d.Notification.Kind,
            EscalationLevel = d.Notification.EscalationLevel,
            At = at,
            Outcome = NotificationOutcome.Delivered,
        }),
    ];

    [Fact]
    public void Receive_AttemptsOfThisEpisode_ResumeEscalationAtTheNextLevel()
    {
        var alert = Some.Firing("A", Some.Start, 1);
        var before = Engine(Escalating());
        before.Receive([alert], Some.Start);
        var attempts = Delivered(before.Turn(Some.Start + s_wait, []).Deliveries, Some.Start + s_wait);
        Assert.Equal(["team", "oncall"], attempts.Select(a => a.Channel));

        // The server restarts a minute later: a new engine, told what the store recorded.
        var restartAt = Some.Start + s_wait + TimeSpan.FromMinutes(1);
        var after = Engine(Escalating());
        after.Receive([alert], restartAt, new Dictionary<long, IReadOnlyList<NotificationAttempt>> { [alert.Id] = attempts });

        var sent = Run(after, restartAt, Some.Start + TimeSpan.FromHours(1));
        Assert.Equal([(s_wait + TimeSpan.FromMinutes(10), "manager", NotificationKind.Escalation, (int?)2)], sent);
    }

    [Fact]
    public void Receive_AttemptsOfAnEarlierEpisode_DoNotCountAsTold()
    {
        // One instance per label set: the alert fired two hours ago, was told, resolved, and fires again now.
        var earlier = Some.Firing("A", Some.Start - TimeSpan.FromHours(2), 1);
        var before = Engine(OneWebhook());
        before.Receive([earlier], earlier.ActiveSince);
        var attempts = Delivered(before.Turn(earlier.ActiveSince + s_wait, []).Deliveries, earlier.ActiveSince + s_wait);
        Assert.Single(attempts);

        var after = Engine(OneWebhook());
        after.Receive([Some.Firing("A", Some.Start, 1)], Some.Start, new Dictionary<long, IReadOnlyList<NotificationAttempt>> { [1] = attempts });

        var told = Assert.Single(Turn(after, Some.Start + s_wait));
        Assert.Equal(NotificationKind.Firing, told.Notification.Kind);
    }
}
