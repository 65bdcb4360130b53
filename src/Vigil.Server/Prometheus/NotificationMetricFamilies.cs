using Vigil.Alerting.Notifications;
using Vigil.Model.Prometheus;

namespace Vigil.Server.Prometheus;

/// <summary>
/// <c>vigil_alert_notifications_total{channel, outcome}</c>: the notifier's delivery attempts since the server
/// started, so a failing channel shows (<c>increase(vigil_alert_notifications_total{outcome="failed"}[15m]) &gt; 0</c>).
/// </summary>
internal static class NotificationMetricFamilies
{
    public const string Name = "vigil_alert_notifications_total";

    public static IReadOnlyList<ExpositionFamily> Read(INotificationStatistics? statistics)
    {
        var counts = statistics?.Snapshot() ?? [];
        if (counts.Count == 0)
        {
            return [];
        }

        var samples = counts.Select(c => new ExpositionSample(
            string.Empty,
            PrometheusNames.LabelSet([new("channel", c.Channel), new("outcome", c.Outcome.ToString().ToLowerInvariant())]),
            c.Count)).ToList();
        return [new ExpositionFamily(Name, "counter", "Notification delivery attempts by channel and outcome (delivered, failed; a notification dropped from a full queue counts as failed).", samples)];
    }
}
