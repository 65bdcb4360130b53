using Vigil.Alerting.Notifications.Routing;
using Vigil.Model;

namespace Vigil.Alerting.Notifications.Engine;

/// <summary>
/// The notifier's decisions, with no I/O and no clock of its own: alerts come in through <see cref="Receive"/>, and each
/// <see cref="Turn"/> at a given moment says which notifications to send and which were held back. Alertmanager's model:
/// an alert joins one group per matching route; a group waits <c>GroupWait</c>, then looks again every
/// <c>GroupInterval</c>, and tells its channels when alerts joined or resolved since it last did, or when
/// <c>RepeatInterval</c> has passed (so a flapping alert that fires again before the group's next turn is not told
/// twice). Silences, mute windows and inhibition hold alerts back at each turn. Escalation runs per group on its own
/// timers (see <see cref="EscalationProgress"/>). Not thread-safe: the service calls it under one lock.
/// </summary>
internal sealed partial class NotificationEngine(NotificationSettings settings, Func<AlertInstance, DateTimeOffset, NotificationLinks> links)
{
    private readonly Dictionary<string, AlertInstance> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _memberships = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertGroup> _groups = new(StringComparer.Ordinal);

    /// <summary>The groups that exist, for tests and diagnostics.</summary>
    public IReadOnlyCollection<AlertGroup> Groups => _groups.Values;

    /// <summary>Takes the latest state of some alerts: firing ones join their groups, resolved ones are marked so.</summary>
    /// <param name="alerts">The alerts.</param>
    /// <param name="now">The moment.</param>
    /// <param name="attempts">The attempts the store recorded for alerts new to the engine, by alert id (after a restart, what was told).</param>
    public void Receive(IReadOnlyList<AlertInstance> alerts, DateTimeOffset now, IReadOnlyDictionary<long, IReadOnlyList<NotificationAttempt>>? attempts = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            var key = KeyOf(alert);
            var known = _alerts.TryGetValue(key, out var previous);
            if (alert.State != AlertState.Firing)
            {
                // An alert that was never told of as firing has nothing to resolve; one that was is kept until its group's turn.
                if (known && previous!.State == AlertState.Firing)
                {
                    _alerts[key] = alert.State == AlertState.Resolved ? alert : alert with { State = AlertState.Resolved, ResolvedAt = alert.ResolvedAt ?? now };
                }

                continue;
            }

            _alerts[key] = alert;
            if (known)
            {
                continue;
            }

            var count = 0;
            foreach (var route in settings.Route.Match(alert.Labels))
            {
                var labels = route.GroupLabels(alert.Labels);
                var groupKey = $"{route.Id}:{labels}";
                if (!_groups.TryGetValue(groupKey, out var group))
                {
                    group = new AlertGroup(route, labels, now + route.GroupWait);
                    _groups[groupKey] = group;
                }

                group.Members.Add(key);
                if (attempts?.GetValueOrDefault(alert.Id) is { Count: > 0 } recorded)
                {
                    Remember(group, key, alert, recorded);
                }

                count++;
            }

            _memberships[key] = count;
        }
    }

    /// <summary>Replaces the acknowledgement of a known alert with the one stored (read again before escalating).</summary>
    public void RefreshAcknowledgement(AlertInstance stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var key = KeyOf(stored);
        if (_alerts.TryGetValue(key, out var alert) && alert.Id == stored.Id)
        {
            _alerts[key] = alert with { Acknowledgement = stored.Acknowledgement };
        }
    }

    /// <summary>The ids of the firing alerts whose groups escalate: the ones whose acknowledgement matters now.</summary>
    public IReadOnlyList<long> EscalatingAlertIds() =>
        [.. _groups.Values.Where(g => g.Route.Escalation is not null && g.Escalation is not null)
            .SelectMany(g => g.Members).Distinct(StringComparer.Ordinal)
            .Select(k => _alerts[k]).Where(a => a.State == AlertState.Firing && a.Id > 0).Select(a => a.Id)];

    /// <summary>Runs every group whose time has come, and every escalation.</summary>
    /// <param name="now">The moment of the turn.</param>
    /// <param name="silences">The silences in the store (any state; only active ones that match hold an alert back).</param>
    /// <returns>What to send and what was held back.</returns>
    public NotificationTurn Turn(DateTimeOffset now, IReadOnlyList<Silence> silences)
    {
        ArgumentNullException.ThrowIfNull(silences);
        if (_groups.Count == 0)
        {
            return NotificationTurn.Empty;
        }

        var deliveries = new List<OutgoingNotification>();
        var suppressed = new List<NotificationAttempt>();
        var firingLabels = _alerts.Values.Where(a => a.State == AlertState.Firing).Select(a => a.Labels).ToList();
        foreach (var group in _groups.Values.ToList())
        {
            var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
            var firing = new List<string>();
            foreach (var key in group.Members)
            {
                var alert = _alerts[key];
                if (alert.State != AlertState.Firing)
                {
                    continue;
                }

                if (WhyHeldBack(alert, group.Route, now, silences, firingLabels) is { } reason)
                {
                    reasons[key] = reason;
                }
                else
                {
                    firing.Add(key);
                }
            }

            if (now >= group.NextFlush)
            {
                Flush(group, firing, reasons, now, deliveries, suppressed);
            }

            if (_groups.ContainsKey(group.Key))
            {
                Escalate(group, firing, now, deliveries);
            }
        }

        return new NotificationTurn(deliveries, suppressed);
    }

    private void Flush(AlertGroup group, List<string> firing, Dictionary<string, string> reasons, DateTimeOffset now, List<OutgoingNotification> deliveries, List<NotificationAttempt> suppressed)
    {
        var route = group.Route;
        var held = reasons.Keys.ToHashSet(StringComparer.Ordinal);
        if (held.Count > 0 && !held.SetEquals(group.LastSuppressed))
        {
            var detail = string.Join("; ", reasons.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            foreach (var channel in route.Channels.Concat(route.Escalation?.Channels ?? []).Distinct(StringComparer.Ordinal))
            {
                suppressed.Add(new NotificationAttempt
                {
                    Channel = channel,
                    GroupKey = group.Key,
                    AlertIds = [.. held.Select(k => _alerts[k].Id)],
                    Kind = NotificationKind.Firing,
                    At = now,
                    Outcome = NotificationOutcome.Suppressed,
                    Detail = detail,
                });
            }
        }

        group.LastSuppressed = held;
        var resolved = group.Members.Where(k => _alerts[k].State != AlertState.Firing && group.LastFiring.Contains(k)).ToList();
        var joined = firing.Any(k => !group.LastFiring.Contains(k));
        var remind = firing.Count > 0 && group.LastSentAt is { } sent && now - sent >= route.RepeatInterval;
        if (joined || resolved.Count > 0 || remind)
        {
            var kind = firing.Count == 0 ? NotificationKind.Resolved : joined || resolved.Count > 0 ? NotificationKind.Firing : NotificationKind.Reminder;
            var channels = kind == NotificationKind.Resolved && group.Escalation is { } told
                ? route.Channels.Concat(told.ToldChannels).Distinct(StringComparer.Ordinal)
                : route.Channels;
            var notified = firing.Concat(resolved).Select(k => _alerts[k]).ToList();
            var round = kind == NotificationKind.Reminder ? group.Reminders++ : 0;
            foreach (var channel in channels)
            {
                deliveries.Add(new OutgoingNotification(channel, Make(channel, group, kind, null, round, notified, now)));
            }

            group.LastFiring = firing.ToHashSet(StringComparer.Ordinal);
            group.LastSentAt = now;
            if (firing.Count > 0 && route.Escalation is { Levels.Count: > 0 } policy && group.Escalation is null)
            {
                group.Escalation = new EscalationProgress { NextAt = now + policy.Levels[0].Delay };
            }
        }

        foreach (var key in group.Members.Where(k => _alerts[k].State != AlertState.Firing).ToList())
        {
            group.Members.Remove(key);
            if (--_memberships[key] == 0)
            {
                _memberships.Remove(key);
                _alerts.Remove(key);
            }
        }

        group.NextFlush = now + route.GroupInterval;
        if (group.Members.Count == 0)
        {
            _groups.Remove(group.Key);
        }
    }

    private Notification Make(string channel, AlertGroup group, string kind, int? level, int round, List<AlertInstance> alerts, DateTimeOffset now) => new()
    {
        Receiver = channel,
        GroupKey = group.Key,
        GroupLabels = group.Labels,
        Kind = kind,
        EscalationLevel = level,
        Round = round,
        Alerts = [.. alerts.Select(a => new NotifiedAlert(a, links(a, now)))],
        ExternalUrl = settings.ExternalUrl,
        At = now,
    };

    private string? WhyHeldBack(AlertInstance alert, RouteNode route, DateTimeOffset now, IReadOnlyList<Silence> silences, List<AlertLabels> firing)
    {
        if (route.MuteWindows.FirstOrDefault(w => w.IsActive(now)) is { } window)
        {
            return $"mute window {window.Name}";
        }

        if (silences.FirstOrDefault(s => s.Silences(alert.Labels, now)) is { } silence)
        {
            return $"silence {silence.Id}" + (silence.Comment.Length > 0 ? $" ({silence.Comment})" : string.Empty);
        }

        foreach (var rule in settings.Inhibit)
        {
            if (firing.FirstOrDefault(source => rule.Mutes(source, alert.Labels)) is { } source)
            {
                return $"inhibited by {source}";
            }
        }

        return null;
    }

    private static string KeyOf(AlertInstance alert) => $"{alert.RuleName}\n{alert.Labels}";
}
