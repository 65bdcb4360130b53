using System.ComponentModel;

namespace Vigil.Alerting.Configuration;

/// <summary>One SLO in <c>Alerts:Slos</c>, as bound; <c>SloConfiguration</c> checks it and makes the SLO.</summary>
[Description("an SLO")]
public sealed class SloSection
{
    /// <summary>The name, unique among the SLOs; the <c>slo</c> label of its alerts.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>service.name</c> it is about; the <c>service</c> label of its alerts.</summary>
    public string? Service { get; set; }

    /// <summary>The objective in percent, above 0 and below 100 (e.g. 99.9).</summary>
    public double? Objective { get; set; }

    /// <summary>The rolling window, a duration such as <c>30d</c> (the default) or <c>7d</c>.</summary>
    public string? Window { get; set; }

    /// <summary>What is measured.</summary>
    public SloIndicatorSection? Indicator { get; set; }

    /// <summary>The burn-rate alerts; when empty, the SRE workbook's three (see docs/slo.md).</summary>
    public IList<SloBurnRateAlertSection> BurnRateAlerts { get; } = new List<SloBurnRateAlertSection>();

    /// <summary>Labels added to every alert of this SLO.</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
