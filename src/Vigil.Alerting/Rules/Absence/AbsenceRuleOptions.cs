using System.ComponentModel;

namespace Vigil.Alerting.Rules.Absence;

/// <summary>
/// An absence rule as configured: a dead heartbeat. It fires when a service (any log record, span or metric point)
/// or a metric (any point) has sent nothing for <see cref="Window"/>
/// (<c>"Absence": { "Service": "billing-worker", "Window": "10m" }</c>).
/// </summary>
[Description("an absence rule's Absence section")]
public sealed class AbsenceRuleOptions
{
    /// <summary>The <c>service.name</c> watched; with <see cref="Metric"/>, only that service's series of the metric.</summary>
    public string? Service { get; set; }

    /// <summary>The metric watched; at least one of <see cref="Service"/> and <see cref="Metric"/> is required.</summary>
    public string? Metric { get; set; }

    /// <summary>How long without data counts as absent (default 5m, 1s to 30d).</summary>
    public string? Window { get; set; }

    /// <summary>How far back to look for when it was last seen, for the evidence (default 24h, at least the window, at most 30d).</summary>
    public string? LookBack { get; set; }
}
