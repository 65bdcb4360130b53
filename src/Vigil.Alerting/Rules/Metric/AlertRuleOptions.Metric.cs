using Vigil.Alerting.Rules.Metric;

namespace Vigil.Alerting.Rules;

/// <summary>The metric kind's sub-object.</summary>
public sealed partial class AlertRuleOptions
{
    /// <summary>The fields of a <c>metric</c> rule (see docs/alerts-rules-kinds.md).</summary>
    public MetricRuleOptions? Metric { get; set; }
}
