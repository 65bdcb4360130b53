namespace Vigil.Alerting.Configuration;

/// <summary>Where notifications go: channels, routes, grouping, escalation policies, mute windows and inhibition.</summary>
public sealed partial class AlertingSection;
