namespace Vigil.Alerting.Configuration;

/// <summary>The SLOs and their burn-rate alerts.</summary>
public sealed partial class AlertingSection
{
    /// <summary>The SLOs (see docs/slo.md); each alerts through multiwindow burn-rate rules.</summary>
    public IList<SloSection> Slos { get; } = new List<SloSection>();
}
