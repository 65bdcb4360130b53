using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules.Conditions;

/// <summary>
/// A <see cref="RuleKind"/> whose fields are read once into a settings record: validation is that read's problems,
/// and the condition is built from what it read, so the two can never disagree.
/// </summary>
internal static class SettingsKind
{
    /// <summary>Reads a kind's fields under <paramref name="rulePath"/>, adding every problem to <paramref name="problems"/>.</summary>
    public delegate TSettings Reader<out TSettings>(AlertRuleOptions rule, string rulePath, List<ConfigurationProblem> problems);

    public static RuleKind Of<TSettings>(string name, string sectionName, Func<AlertRuleOptions, object?> section, Reader<TSettings> read, Func<TSettings, IRuleCondition> create) => new()
    {
        Name = name,
        SectionName = sectionName,
        Section = section,
        Validate = (rule, path) =>
        {
            var problems = new List<ConfigurationProblem>();
            read(rule, path, problems);
            return problems;
        },
        Create = rule =>
        {
            var problems = new List<ConfigurationProblem>();
            var settings = read(rule, rule.Name ?? string.Empty, problems);
            return problems.Count == 0 ? create(settings) : throw new InvalidOperationException("The rule was not validated: " + problems[0]);
        },
    };
}
