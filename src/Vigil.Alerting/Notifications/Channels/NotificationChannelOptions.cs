using System.ComponentModel;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// One channel as configured: a name, a kind, delivery settings every kind shares, and one sub-section per kind with
/// that kind's own options (<c>Webhook</c>, ...). It is partial so that each kind adds its sub-section in its own file;
/// the kind itself (validation and factory) registers as a <see cref="NotificationChannelKind"/>.
/// </summary>
[Description("a notification channel")]
public sealed partial class NotificationChannelOptions
{
    /// <summary>The longest a channel name may be.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The default time one delivery attempt may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default number of attempts per notification, the first included.</summary>
    public const int DefaultMaxAttempts = 5;

    /// <summary>The most attempts allowed per notification.</summary>
    public const int MaxMaxAttempts = 20;

    /// <summary>The name routes and escalation levels use (letters, digits, <c>-</c>, <c>_</c>, <c>.</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The kind: <c>console</c>, <c>webhook</c>, or a kind another part registers.</summary>
    public string? Kind { get; set; }

    /// <summary>How long one attempt may take before it counts as failed; 10 s by default.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How many attempts a notification gets, the first included; 5 by default.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The first retry's delay, doubled for each later one (or the receiver's <c>Retry-After</c>); 1 s by default.</summary>
    public TimeSpan? RetryDelay { get; set; }
}
