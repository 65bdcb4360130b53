using Vigil.Alerting.Configuration;
using Vigil.Alerting.Slos;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>
/// Compiles the rules the SLOs make (<see cref="SloRules.From"/>) with the validator every other rule goes through. It
/// sits with the validator, not in Slos, so the SLO model and its condition stay below the rule set that loads them.
/// </summary>
internal static class SloRuleCompiler
{
    /// <summary>
    /// The SLOs' rules as the rule engine's rule set holds them, compiled by the same validator as every other rule.
    /// An SLO with a problem makes no rule (the SLO check reports it); a rule name already taken by a configured rule
    /// is a problem at the SLO, since the configured rule would hide the SLO's alert.
    /// </summary>
    public static IEnumerable<AlertRule> Compile(AlertingSection section, Dictionary<string, string> names, RuleLoadContext context, List<ConfigurationProblem> problems)
    {
        var slos = SloConfiguration.Usable(section);
        foreach (var rule in SloRules.From(slos))
        {
            var path = $"{AlertRuleValidator.SectionName}:{SloConfiguration.Key} (rule {rule.Name})";
            if (names.TryGetValue(rule.Name!, out var first))
            {
                problems.Add(new(path, $"the SLO's rule name is already the name of {first}: rename that rule"));
                continue;
            }

            if (AlertRuleValidator.Compile(rule, path, path, context, problems) is { } compiled)
            {
                names[rule.Name!] = path;
                yield return compiled;
            }
        }
    }
}
