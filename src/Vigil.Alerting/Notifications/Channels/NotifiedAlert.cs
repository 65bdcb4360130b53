using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>One alert in a <see cref="Notification"/>, with the links that a reader follows from it.</summary>
/// <param name="Alert">The alert as stored.</param>
/// <param name="Links">Where to look, and how to acknowledge.</param>
public sealed record NotifiedAlert(AlertInstance Alert, NotificationLinks Links);
