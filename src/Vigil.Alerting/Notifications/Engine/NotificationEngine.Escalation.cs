using Vigil.Alerting.Notifications.Routing;
using Vigil.Model;

namespace Vigil.Alerting.Notifications.Engine;

/// <summary>
/// Escalation: once a group has notified, and while one of its alerts fires unacknowledged, each level of the route's
/// policy is told when its delay has passed since the level before; after the last, the policy starts over
/// <c>Repeat</c> times, <c>RepeatDelay</c> apart. When every firing alert is acknowledged it pauses; when that stops
/// being so (an acknowledgement timed out, or a new alert joined) it starts again from the first level, at once.
/// </summary>
internal sealed partial class NotificationEngine
{
    private void Escalate(AlertGroup group, List<string> firing, DateTimeOffset now, List<OutgoingNotification> deliveries)
    {
        if (group.Escalation is not { } progress || group.Route.Escalation is not { } policy || firing.Count == 0)
        {
            return;
        }

        if (firing.All(k => IsAcknowledged(_alerts[k], policy, now)))
        {
            progress.Acknowledged = true;
            return;
        }

        if (progress.Acknowledged)
        {
            progress.Acknowledged = false;
            progress.Level = 0;
            progress.Cycle = 0;
            progress.NextAt = now;
        }

        if (progress.NextAt is not { } due || now < due)
        {
            return;
        }

        var index = progress.Level;
        if (index >= policy.Levels.Count)
        {
            progress.Cycle++;
            index = 0;
        }

        var level = policy.Levels[index];
        var alerts = firing.Select(k => _alerts[k]).ToList();
        foreach (var channel in level.Channels)
        {
            deliveries.Add(new OutgoingNotification(channel, Make(channel, group, NotificationKind.Escalation, index + 1, progress.Cycle, alerts, now)));
            progress.ToldChannels.Add(channel);
        }

        progress.Level = index + 1;
        progress.NextAt = progress.Level < policy.Levels.Count ? now + policy.Levels[progress.Level].Delay
            : progress.Cycle < policy.Repeat ? now + policy.RepeatDelay
            : null;
    }

    private static bool IsAcknowledged(AlertInstance alert, EscalationPolicy policy, DateTimeOffset now) =>
        alert.Acknowledgement is { } ack && (policy.AcknowledgementTimeout is not { } timeout || now < ack.At + timeout);
}
