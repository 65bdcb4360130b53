namespace Vigil.Alerting.Notifications;

/// <summary>The notifier's delivery counts, for the server's <c>/metrics</c>.</summary>
public interface INotificationStatistics
{
    /// <summary>The counts so far, one per channel and outcome that happened, sorted by channel then outcome.</summary>
    /// <returns>The counts.</returns>
    IReadOnlyList<NotificationDeliveryCount> Snapshot();
}
