using System.ComponentModel;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// An escalation policy: ordered levels, each told when the level's delay has passed since the one before and the
/// alert still fires unacknowledged; after the last level it starts over <see cref="Repeat"/> times.
/// </summary>
[Description("an escalation policy")]
public sealed class EscalationPolicyOptions
{
    /// <summary>The most levels a policy may have.</summary>
    public const int MaxLevels = 16;

    /// <summary>The most times a policy may start over.</summary>
    public const int MaxRepeat = 100;

    /// <summary>The name routes use.</summary>
    public string? Name { get; set; }

    /// <summary>The levels, first to last.</summary>
    public IList<EscalationLevelOptions> Levels { get; } = new List<EscalationLevelOptions>();

    /// <summary>How many times the policy starts over at the first level after the last; 0 by default.</summary>
    public int? Repeat { get; set; }

    /// <summary>How long after the last level the policy starts over; by default the last level's delay.</summary>
    public TimeSpan? RepeatDelay { get; set; }

    /// <summary>How long an acknowledgement holds: an alert still firing after it is escalated again from the first level. Unset: for as long as it fires.</summary>
    public TimeSpan? AcknowledgementTimeout { get; set; }
}
