using Vigil.Alerting.Rules.Conditions;

namespace Vigil.Alerting.Rules.Log;

/// <summary>The <c>log</c> kind: the count of matching log records over a window, per service, against a threshold.</summary>
internal static class LogRuleKind
{
    public const string SectionName = "Log";

    public static RuleKind Instance { get; } =
        SettingsKind.Of<LogRuleSettings>("log", SectionName, static rule => rule.Log, LogRuleSettings.Read, static settings => new LogCondition(settings));
}
