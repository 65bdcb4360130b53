namespace Vigil.Alerting.Notifications.Engine;

/// <summary>A notification the engine decided to send, and to which channel.</summary>
internal sealed record OutgoingNotification(string Channel, Notification Notification);
