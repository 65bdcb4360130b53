using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// One message to one channel about one group of alerts: what a webhook's JSON, a Slack message, an e-mail or an
/// Alertmanager post is made from. Channels format it; they never decide whether to send it.
/// </summary>
public sealed record Notification
{
    /// <summary>The channel's configured name (Alertmanager's <c>receiver</c>).</summary>
    public string Receiver { get; init; } = string.Empty;

    /// <summary>The group's key: the route and the values of its group-by labels; the same group keeps the same key.</summary>
    public string GroupKey { get; init; } = string.Empty;

    /// <summary>The values of the route's group-by labels.</summary>
    public AlertLabels GroupLabels { get; init; } = AlertLabels.Empty;

    /// <summary>Why it is sent: one of <see cref="NotificationKind"/>.</summary>
    public string Kind { get; init; } = NotificationKind.Firing;

    /// <summary>For an escalation, the level reached (1 is the first).</summary>
    public int? EscalationLevel { get; init; }

    /// <summary>
    /// Which repeat of its kind this is in the group's episode: for a reminder, how many reminders came before it; for
    /// an escalation, the policy's cycle (0 is the first). It is what tells two intended repeats of the same content
    /// apart in <see cref="Key"/>.
    /// </summary>
    public int Round { get; init; }

    /// <summary>The group's alerts: firing ones, and those resolved since the last notification.</summary>
    public IReadOnlyList<NotifiedAlert> Alerts { get; init; } = [];

    /// <summary>The server's query address that links in the notification start from; null when the server has none to offer.</summary>
    public Uri? ExternalUrl { get; init; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>
    /// The notification's idempotency key: the same for the same message however often it is sent (a leader that died
    /// after sending but before recording the send, whose successor sends it again, sends the same key), different for
    /// any other message. Webhooks carry it as <c>Idempotency-Key</c>, e-mail as its Message-ID, so a receiver can
    /// drop the repeat (<see cref="NotificationKey"/>).
    /// </summary>
    public string Key => NotificationKey.Of(this);

    /// <summary>True when at least one alert still fires ("firing" in Alertmanager's payload), false when all resolved.</summary>
    public bool IsFiring => Alerts.Any(a => a.Alert.State == AlertState.Firing);
}
