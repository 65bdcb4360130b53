namespace Vigil.Alerting.Rules;

/// <summary>The <c>slo</c> kind's sub-object: set on the rules an SLO makes, never written by hand.</summary>
public sealed partial class AlertRuleOptions
{
    /// <summary>For <c>Kind: slo</c>: which SLO and which of its burn-rate alerts (made from <c>Alerts:Slos</c>).</summary>
    public SloRuleOptions? Slo { get; set; }
}
