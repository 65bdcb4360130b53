namespace Vigil.Model;

/// <summary>
/// Where one alert instance (one rule, one label set) is in its life: the Prometheus states, plus
/// <see cref="Resolved"/> so history can say when it ended.
/// </summary>
public enum AlertState
{
    /// <summary>The condition does not hold, and the instance has never fired or has been resolved long enough to be dropped.</summary>
    Inactive,

    /// <summary>The condition holds, but not yet for the rule's <c>For</c> duration.</summary>
    Pending,

    /// <summary>The condition has held for the rule's <c>For</c> duration (or still within its keep-firing duration).</summary>
    Firing,

    /// <summary>The instance fired, and its condition no longer holds (past the keep-firing duration).</summary>
    Resolved,
}
