using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// A node of the routing tree, as in Alertmanager: an alert that matches every matcher goes down to the first child
/// that matches it (and to later ones when that child says <see cref="Continue"/>), or stays at this node when no
/// child matches. Unset keys are inherited from the parent.
/// </summary>
[Description("a notification route")]
public sealed class NotificationRouteOptions
{
    /// <summary>Alertmanager's default group wait.</summary>
    public static readonly TimeSpan DefaultGroupWait = TimeSpan.FromSeconds(30);

    /// <summary>Alertmanager's default group interval.</summary>
    public static readonly TimeSpan DefaultGroupInterval = TimeSpan.FromMinutes(5);

    /// <summary>Alertmanager's default repeat interval.</summary>
    public static readonly TimeSpan DefaultRepeatInterval = TimeSpan.FromHours(4);

    /// <summary>The label matchers (<c>service=shop</c>, <c>severity=~"high|critical"</c>); the root has none.</summary>
    [SingleValueList]
    public IList<string> Matchers { get; } = new List<string>();

    /// <summary>The channels told; inherited when empty.</summary>
    [SingleValueList]
    public IList<string> Channels { get; } = new List<string>();

    /// <summary>Whether the siblings after this route are tried too when it matches.</summary>
    public bool Continue { get; set; }

    /// <summary>The labels whose values make a group; <c>...</c> groups by every label. Inherited when unset; the root's default is <c>alertname</c>.</summary>
    [SingleValueList]
    public IList<string>? GroupBy { get; set; }

    /// <summary>How long a new group waits for more alerts before its first notification; 30 s by default.</summary>
    public TimeSpan? GroupWait { get; set; }

    /// <summary>How long a group waits before telling of alerts that joined or resolved; 5 m by default.</summary>
    public TimeSpan? GroupInterval { get; set; }

    /// <summary>How long before a group that still fires is told again; 4 h by default.</summary>
    public TimeSpan? RepeatInterval { get; set; }

    /// <summary>The escalation policy (a name in <c>Escalations</c>) of the alerts of this route; inherited when unset.</summary>
    public string? Escalation { get; set; }

    /// <summary>The mute windows (names in <c>MuteWindows</c>) in which this route sends nothing; inherited when empty.</summary>
    [SingleValueList]
    public IList<string> MuteWindows { get; } = new List<string>();

    /// <summary>The child routes, tried in order.</summary>
    public IList<NotificationRouteOptions> Routes { get; } = new List<NotificationRouteOptions>();
}
