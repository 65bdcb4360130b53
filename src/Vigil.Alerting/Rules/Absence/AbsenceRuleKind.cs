using Vigil.Alerting.Rules.Conditions;

namespace Vigil.Alerting.Rules.Absence;

/// <summary>The <c>absence</c> kind: no data from a service or a metric for a window.</summary>
internal static class AbsenceRuleKind
{
    public const string SectionName = "Absence";

    public static RuleKind Instance { get; } =
        SettingsKind.Of<AbsenceRuleSettings>("absence", SectionName, static rule => rule.Absence, AbsenceRuleSettings.Read, static settings => new AbsenceCondition(settings));
}
