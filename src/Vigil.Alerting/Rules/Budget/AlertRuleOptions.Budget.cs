using Vigil.Alerting.Rules.Budget;

namespace Vigil.Alerting.Rules;

/// <summary>The budget kind's sub-object.</summary>
public sealed partial class AlertRuleOptions
{
    /// <summary>The fields of a <c>budget</c> rule (see docs/alerts-rules-kinds.md).</summary>
    public BudgetRuleOptions? Budget { get; set; }
}
