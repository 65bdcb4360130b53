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

    /// <summary>Reads a kind's fields that also need what lies beyond the rule (a file the rule names).</summary>
    public delegate TSettings ContextReader<out TSettings>(AlertRuleOptions rule, string rulePath, RuleLoadContext context, List<ConfigurationProblem> problems);

    public static RuleKind Of<TSettings>(string name, string sectionName, Func<AlertRuleOptions, object?> section, Reader<TSettings> read, Func<TSettings, IRuleCondition> create) =>
        Of<TSettings>(name, sectionName, section, (rule, path, _, problems) => read(rule, path, problems), create);

    public static RuleKind Of<TSettings>(
        string name,
        string sectionName,
        Func<AlertRuleOptions, object?> section,
        ContextReader<TSettings> read,
        Func<TSettings, IRuleCondition> create,
        IReadOnlyDictionary<string, string>? defaultAnnotations = null) => new()
    {
        Name = name,
        DefaultAnnotations = defaultAnnotations ?? new Dictionary<string, string>(),
        SectionName = sectionName,
        Section = section,
        Validate = (rule, path, context) =>
        {
            var problems = new List<ConfigurationProblem>();
            read(rule, path, context, problems);
            return problems;
        },
        Create = (rule, context) =>
        {
            var problems = new List<ConfigurationProblem>();
            var settings = read(rule, rule.Name ?? string.Empty, context, problems);
            return problems.Count == 0 ? create(settings) : throw new InvalidOperationException("The rule was not validated: " + problems[0]);
        },
    };
}
