using System.Collections.Concurrent;
using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>Counts attempts by channel and outcome; written by the channel workers, read by a scrape.</summary>
internal sealed class NotificationStatistics : INotificationStatistics
{
    private readonly ConcurrentDictionary<(string Channel, NotificationOutcome Outcome), long> _counts = new();

    public void Count(string channel, NotificationOutcome outcome) => _counts.AddOrUpdate((channel, outcome), 1, static (_, n) => n + 1);

    public IReadOnlyList<NotificationDeliveryCount> Snapshot() =>
        [.. _counts.Select(p => new NotificationDeliveryCount(p.Key.Channel, p.Key.Outcome, p.Value))
            .OrderBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Outcome)];
}
