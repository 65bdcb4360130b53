using Vigil.Alerting.Rules.Absence;

namespace Vigil.Alerting.Rules;

/// <summary>The absence kind's sub-object.</summary>
public sealed partial class AlertRuleOptions
{
    /// <summary>The fields of an <c>absence</c> rule (see docs/alerts-rules-kinds.md).</summary>
    public AbsenceRuleOptions? Absence { get; set; }
}
