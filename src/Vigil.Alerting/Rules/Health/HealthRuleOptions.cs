using System.ComponentModel;

namespace Vigil.Alerting.Rules;

/// <summary>The <c>Health</c> sub-object of a rule of kind <c>health</c>: which checks and probes, and what counts as bad.</summary>
[Description("a health rule's options")]
public sealed class HealthRuleOptions
{
    /// <summary>
    /// <c>unhealthy</c> (the latest result is unhealthy; the default), <c>degraded</c> (degraded or unhealthy) or
    /// <c>stale</c> (no result for longer than the check's rule allows, or than <see cref="StaleAfter"/>).
    /// </summary>
    public string? On { get; set; }

    /// <summary>Only <c>check</c>s (reported by applications) or only <c>probe</c>s (run by the server); both by default.</summary>
    public string? Source { get; set; }

    /// <summary>Only checks of this <c>service.name</c>.</summary>
    public string? Service { get; set; }

    /// <summary>Only the check or probe of this name.</summary>
    public string? Name { get; set; }

    /// <summary>For <c>stale</c>: stale once the latest result is older than this (by default, after missed runs of its interval).</summary>
    public string? StaleAfter { get; set; }
}
