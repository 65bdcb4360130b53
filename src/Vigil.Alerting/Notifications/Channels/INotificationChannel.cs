namespace Vigil.Alerting.Notifications;

/// <summary>
/// A configured destination (console, webhook, Slack, e-mail, Alertmanager). It delivers one notification per call
/// and says plainly when it could not; retries, backoff, timeouts and recording each attempt are the notifier's.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The channel's configured name.</summary>
    string Name { get; }

    /// <summary>The kind of channel, as configured (<c>console</c>, <c>webhook</c>, <c>slack</c>, <c>email</c>, <c>alertmanager</c>).</summary>
    string Kind { get; }

    /// <summary>Delivers one notification.</summary>
    /// <param name="notification">What to send.</param>
    /// <param name="cancellationToken">Cancelled when the attempt times out or the server stops.</param>
    /// <returns>A task that completes when the destination has accepted it.</returns>
    /// <exception cref="NotificationDeliveryException">The destination refused it or could not be reached.</exception>
    Task DeliverAsync(Notification notification, CancellationToken cancellationToken);
}
