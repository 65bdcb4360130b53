namespace Vigil.Alerting.Rules;

/// <summary>The <c>health</c> kind's sub-object.</summary>
public sealed partial class AlertRuleOptions
{
    /// <summary>The options of a rule of kind <c>health</c>.</summary>
    public HealthRuleOptions? Health { get; set; }
}
