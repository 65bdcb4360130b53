using System.ComponentModel;

namespace Vigil.Alerting.Configuration;

/// <summary>One multiwindow burn-rate alert of an SLO.</summary>
[Description("a burn-rate alert")]
public sealed class SloBurnRateAlertSection
{
    /// <summary>The <c>slo_severity</c> label: <c>page</c>, <c>ticket</c> or a word of your own (a page's <c>severity</c> is critical).</summary>
    public string? Severity { get; set; }

    /// <summary>The burn rate both windows must exceed (e.g. 14.4).</summary>
    public double? BurnRate { get; set; }

    /// <summary>The long window (e.g. <c>1h</c>).</summary>
    public string? LongWindow { get; set; }

    /// <summary>The short window (e.g. <c>5m</c>), shorter than the long one.</summary>
    public string? ShortWindow { get; set; }
}
