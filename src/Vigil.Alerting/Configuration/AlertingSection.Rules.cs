namespace Vigil.Alerting.Configuration;

/// <summary>The rules: declared here or in rule files, plus the built-in defaults.</summary>
public sealed partial class AlertingSection;
