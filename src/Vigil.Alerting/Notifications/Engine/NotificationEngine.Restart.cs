using Vigil.Model;

namespace Vigil.Alerting.Notifications.Engine;

/// <summary>
/// What a group told before a restart, read back from the attempts the store recorded (no state of its own): an alert
/// whose firing was delivered to a group in its current episode (at or after its <c>FiredAt</c>) joins that group as
/// already told, the group's repeat timer runs from the last delivery, and its escalation resumes after the last level
/// told, in the cycle it had reached. So a restarted server neither tells a channel again what it already sent nor starts escalating from scratch.
/// </summary>
internal sealed partial class NotificationEngine
{
    /// <summary>Whether the engine holds this alert already: the service reads the store's attempts only for new ones.</summary>
    public bool Knows(AlertInstance alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return _alerts.ContainsKey(KeyOf(alert));
    }

    private static void Remember(AlertGroup group, string key, AlertInstance alert, IReadOnlyList<NotificationAttempt> attempts)
    {
        var since = alert.FiredAt ?? alert.ActiveSince;
        var episode = attempts
            .Where(a => a.Outcome == NotificationOutcome.Delivered && a.At >= since && string.Equals(a.GroupKey, group.Key, StringComparison.Ordinal))
            .ToList();
        // An escalation tells too: a route whose only channels are its policy's first level sends nothing else.
        var told = episode.Where(a => a.Kind is NotificationKind.Firing or NotificationKind.Reminder or NotificationKind.Escalation).ToList();
        if (told.Count == 0)
        {
            return;
        }

        group.LastFiring.Add(key);
        // Reminders delivered in the episode, to the channel told most: the next reminder's round, so one sent but not
        // recorded before the restart is sent again with the same key, and one that was recorded is not repeated.
        var reminders = told.Where(a => a.Kind == NotificationKind.Reminder).GroupBy(a => a.Channel, StringComparer.Ordinal).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        group.Reminders = Math.Max(group.Reminders, reminders);
        var sent = told.Max(a => a.At);
        if (group.LastSentAt is not { } last || sent > last)
        {
            group.LastSentAt = sent;
        }

        if (group.Route.Escalation is not { Levels.Count: > 0 } policy || group.Escalation is not null)
        {
            return;
        }

        var progress = new EscalationProgress { NextAt = sent + policy.Levels[0].Delay };
        if (episode.Where(a => a.Kind == NotificationKind.Escalation && a.EscalationLevel is > 0).MaxBy(a => a.At) is { } latest)
        {
            progress.Level = Math.Min(latest.EscalationLevel!.Value, policy.Levels.Count);
            progress.Cycle = CyclesStarted(episode, alert) - 1;
            var finished = progress.Level >= policy.Levels.Count && progress.Cycle >= policy.Repeat;
            progress.NextAt = finished ? null
                : latest.At + (progress.Level < policy.Levels.Count ? policy.Levels[progress.Level].Delay : policy.RepeatDelay);
            progress.ToldChannels.UnionWith(episode.Where(a => a.Kind == NotificationKind.Escalation).Select(a => a.Channel));
        }

        group.Escalation = progress;
    }

    /// <summary>
    /// How many times the policy had started at its first level, counted from the deliveries of level 1 to one channel
    /// (each cycle tells each of that level's channels once), since the alert's acknowledgement if it has one: an
    /// acknowledgement that lapses starts the policy again from its first cycle. So a restart neither repeats a policy
    /// that had finished nor gives it its repeats again.
    /// </summary>
    private static int CyclesStarted(List<NotificationAttempt> episode, AlertInstance alert)
    {
        var since = alert.Acknowledgement?.At ?? DateTimeOffset.MinValue;
        return episode
            .Where(a => a.Kind == NotificationKind.Escalation && a.EscalationLevel == 1 && a.At >= since)
            .GroupBy(a => a.Channel, StringComparer.Ordinal)
            .Select(g => g.Count())
            .DefaultIfEmpty(1)
            .Max();
    }
}
