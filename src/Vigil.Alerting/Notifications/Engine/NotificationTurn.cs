using Vigil.Model;

namespace Vigil.Alerting.Notifications.Engine;

/// <summary>What one turn of the engine decided: what to send, and what it held back (to record as suppressed).</summary>
internal sealed record NotificationTurn(IReadOnlyList<OutgoingNotification> Deliveries, IReadOnlyList<NotificationAttempt> Suppressed)
{
    public static NotificationTurn Empty { get; } = new([], []);
}
