namespace Vigil.Alerting.Notifications.Engine;

/// <summary>Where a group is in its escalation policy.</summary>
internal sealed class EscalationProgress
{
    /// <summary>How many levels of the current cycle were told (0 before the first).</summary>
    public int Level { get; set; }

    /// <summary>How many times the policy started over.</summary>
    public int Cycle { get; set; }

    /// <summary>When the next level is due; null when the policy is exhausted.</summary>
    public DateTimeOffset? NextAt { get; set; }

    /// <summary>Whether every firing alert was acknowledged at the last turn (escalation paused).</summary>
    public bool Acknowledged { get; set; }

    /// <summary>The channels escalation told, which the resolved notice reaches too.</summary>
    public HashSet<string> ToldChannels { get; } = new(StringComparer.Ordinal);
}
