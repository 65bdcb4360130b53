namespace Vigil.Alerting.Configuration;

/// <summary>The SLOs and their burn-rate alerts.</summary>
public sealed partial class AlertingSection;
