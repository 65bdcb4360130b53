using Vigil.Alerting.Rules.Conditions;

namespace Vigil.Alerting.Rules.Budget;

/// <summary>The <c>budget</c> kind: a budget of the budget file that is over, judged against the recorded runs.</summary>
internal static class BudgetRuleKind
{
    public const string SectionName = "Budget";

    public static RuleKind Instance { get; } = SettingsKind.Of<BudgetRuleSettings>(
        "budget",
        SectionName,
        static rule => rule.Budget,
        BudgetRuleSettings.Read,
        static settings => new BudgetCondition(settings),
        // A notification says what was measured against what, over how many runs, even from a rule with no annotations.
        new Dictionary<string, string>(StringComparer.Ordinal) { ["summary"] = "Budget {{ labels.budget }} is over its {{ labels.limit }} limit: {{ detail }}" });
}
