namespace Vigil.Alerting.Rules;

/// <summary>The <c>error</c> kind's sub-object.</summary>
public sealed partial class AlertRuleOptions
{
    /// <summary>The options of a rule of kind <c>error</c>.</summary>
    public ErrorRuleOptions? Error { get; set; }
}
