using Microsoft.Extensions.Options;
using Vigil.Model;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Storage;

/// <summary>
/// The one set of rules for the <c>Errors</c> section, for the SDK and the server alike: every problem is collected,
/// each with its key path. (Not an <c>[OptionsValidator]</c>: its failures are sentences, and the callers need the key
/// path of each problem, to name the file or variable it came from.)
/// </summary>
public sealed class ErrorTrackingSectionValidator : IValidateOptions<ErrorTrackingSection>
{
    /// <summary>The section's key in both configurations.</summary>
    public const string SectionName = "Errors";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ErrorTrackingSection options)
    {
        var problems = Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    /// <summary>Every problem with <paramref name="section"/>.</summary>
    /// <param name="section">The bound section.</param>
    /// <param name="path">Its key path, for the problems.</param>
    /// <returns>The problems; empty when the section is usable.</returns>
    public static List<ConfigurationProblem> Check(ErrorTrackingSection section, string path = SectionName)
    {
        ArgumentNullException.ThrowIfNull(section);
        var problems = new List<ConfigurationProblem>();
        if (section.MinimumLogLevel is { } level && !LevelGrammar.TryParse(level, out _))
        {
            problems.Add(new($"{path}:MinimumLogLevel", $"{ConfigurationText.Show(level)} is not a log level: {LevelGrammar.Allowed}"));
        }

        if (section.SpikeFactor is not (>= 1 and <= ErrorTrackingSection.MaxSpikeFactor))
        {
            problems.Add(new($"{path}:SpikeFactor", $"{ConfigurationText.Show(section.SpikeFactor)} is not allowed: a number from 1 to {ConfigurationText.Show(ErrorTrackingSection.MaxSpikeFactor)}"));
        }

        if (section.SpikeMinimumEvents is < 1 or > ErrorTrackingSection.MaxSpikeMinimumEvents)
        {
            problems.Add(new($"{path}:SpikeMinimumEvents", $"{section.SpikeMinimumEvents} is not allowed: a whole number from 1 to {ErrorTrackingSection.MaxSpikeMinimumEvents}"));
        }

        Names(section.InAppInclude, $"{path}:InAppInclude", problems);
        Names(section.InAppExclude, $"{path}:InAppExclude", problems);
        for (var i = 0; i < section.GroupingRules.Count; i++)
        {
            GroupingRule(section.GroupingRules[i], $"{path}:GroupingRules:{i}", problems);
        }

        for (var i = 0; i < section.SeverityRules.Count; i++)
        {
            SeverityRule(section.SeverityRules[i], $"{path}:SeverityRules:{i}", problems);
        }

        return problems;
    }

    private static void GroupingRule(GroupingRuleSection? rule, string path, List<ConfigurationProblem> problems)
    {
        if (rule is null)
        {
            problems.Add(new(path, "is empty: give Types or Fingerprints, and MergeInto or SplitByAttributes"));
            return;
        }

        var before = problems.Count;
        Names(rule.Types, $"{path}:Types", problems);
        Names(rule.Fingerprints, $"{path}:Fingerprints", problems);
        Names(rule.SplitByAttributes, $"{path}:SplitByAttributes", problems);
        if (rule.MergeInto is { } merge && string.IsNullOrWhiteSpace(merge))
        {
            problems.Add(new($"{path}:MergeInto", "is blank: give the name of the group to merge into"));
        }

        // The checks below are about the rule as a whole; a rule whose parts were already wrong is not blamed again.
        if (problems.Count > before)
        {
            return;
        }

        if (rule.Types.Count == 0 && rule.Fingerprints.Count == 0)
        {
            problems.Add(new(path, "matches nothing: give Types or Fingerprints"));
        }

        var merges = rule.MergeInto is not null;
        if (merges == rule.SplitByAttributes.Count > 0)
        {
            problems.Add(new(path, $"{(merges ? "both merges and splits" : "does nothing")}: give either MergeInto or SplitByAttributes"));
        }
    }

    private static void SeverityRule(SeverityRuleSection? rule, string path, List<ConfigurationProblem> problems)
    {
        NonBlank(rule?.Type, $"{path}:Type", "an exception type pattern, e.g. *Timeout*", problems);
        NonBlank(rule?.Service, $"{path}:Service", "a service.name", problems);
        if (rule?.Attribute is { } attribute && !Storage.SeverityRule.TryParseAttribute(attribute, out _))
        {
            problems.Add(new($"{path}:Attribute", $"{ConfigurationText.Show(attribute)} is not allowed: key=value, e.g. tenant=internal"));
        }

        if (rule?.Severity is not { } severity)
        {
            problems.Add(new($"{path}:Severity", $"is required: {ErrorSeverityNames.Accepted}"));
        }
        else if (!Enum.IsDefined(severity))
        {
            problems.Add(new($"{path}:Severity", $"{ConfigurationText.Show(severity.ToString())} is not a severity: {ErrorSeverityNames.Accepted}"));
        }
    }

    private static void NonBlank(string? value, string path, string expected, List<ConfigurationProblem> problems)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(path, $"is blank: give {expected}, or leave the key out"));
        }
    }

    private static void Names(IList<string> names, string path, List<ConfigurationProblem> problems)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                problems.Add(new($"{path}:{i}", "is blank: give a name, or remove the entry"));
            }
        }
    }
}
