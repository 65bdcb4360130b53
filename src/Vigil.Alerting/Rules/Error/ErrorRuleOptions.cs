using System.ComponentModel;

namespace Vigil.Alerting.Rules;

/// <summary>The <c>Error</c> sub-object of a rule of kind <c>error</c>: what about error groups should alert.</summary>
[Description("an error rule's options")]
public sealed class ErrorRuleOptions
{
    /// <summary>
    /// <c>new</c> (a group first seen within <see cref="Window"/>), <c>regression</c> (a resolved group that came back),
    /// <c>count</c> (more than <see cref="Threshold"/> events within <see cref="Window"/>) or <c>rate</c> (more than
    /// <see cref="Threshold"/> events a minute, averaged over <see cref="Window"/>).
    /// </summary>
    public string? On { get; set; }

    /// <summary>Only groups whose current severity is at least this: low, medium, high or critical (default low).</summary>
    public string? MinimumSeverity { get; set; }

    /// <summary>Only groups (and, for count and rate, only events) of this <c>service.name</c>.</summary>
    public string? Service { get; set; }

    /// <summary>Only this group (its id, as <c>vigil errors</c> shows it).</summary>
    public long? Group { get; set; }

    /// <summary>For <c>new</c>, how long a new group keeps alerting (default 1h); for count and rate, the window (default 5m).</summary>
    public string? Window { get; set; }

    /// <summary>For count and rate: the alert holds while the count (or the rate per minute) is above this.</summary>
    public double? Threshold { get; set; }

    /// <summary>For count and rate: one alert per <c>group</c> (the default) or per <c>service</c>, summing its groups.</summary>
    public string? By { get; set; }
}
