using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>How many delivery attempts to one channel ended one way, since the server started.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Outcome">How they ended; <see cref="NotificationOutcome.Failed"/> includes notifications dropped from a full queue.</param>
/// <param name="Count">How many.</param>
public sealed record NotificationDeliveryCount(string Channel, NotificationOutcome Outcome, long Count);
