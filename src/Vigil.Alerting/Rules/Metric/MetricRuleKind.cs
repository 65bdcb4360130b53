using Vigil.Alerting.Rules.Conditions;

namespace Vigil.Alerting.Rules.Metric;

/// <summary>The <c>metric</c> kind: an aggregation of one metric over a window, per group, against a threshold.</summary>
internal static class MetricRuleKind
{
    public const string SectionName = "Metric";

    public static RuleKind Instance { get; } =
        SettingsKind.Of<MetricRuleSettings>("metric", SectionName, static rule => rule.Metric, MetricRuleSettings.Read, static settings => new MetricCondition(settings));
}
