using Vigil.Alerting.Rules.Conditions;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules.Log;

/// <summary>A log rule's fields, read and checked once.</summary>
internal sealed record LogRuleSettings
{
    public const int MaxTextLength = 1024;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public string? Service { get; init; }

    public int? MinimumSeverity { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Where { get; init; } = [];

    public TimeSpan Window { get; init; } = DefaultWindow;

    public RuleComparison Comparison { get; init; } = RuleComparison.Above;

    public double Threshold { get; init; }

    public static LogRuleSettings Read(AlertRuleOptions rule, string rulePath, List<ConfigurationProblem> problems)
    {
        var path = rulePath + ":" + LogRuleKind.SectionName;
        if (rule.Log is not { } options)
        {
            problems.Add(new(path, "is missing: a log rule needs a Log section (Service, Level, Text, Where, Window, Threshold)"));
            return new LogRuleSettings();
        }

        int? severity = null;
        if (!string.IsNullOrWhiteSpace(options.Level))
        {
            if (LevelGrammar.TryParse(options.Level, out var level))
            {
                severity = level;
            }
            else
            {
                problems.Add(new(path + ":Level", $"{ConfigurationText.Show(options.Level)} is not a level: use {LevelGrammar.Allowed}"));
            }
        }

        string? text = null;
        if (!string.IsNullOrWhiteSpace(options.Text))
        {
            if (options.Text.Length > MaxTextLength || options.Text.Any(char.IsControl))
            {
                problems.Add(new(path + ":Text", $"{ConfigurationText.Show(options.Text)} is not a search text: at most {MaxTextLength} characters, no control characters"));
            }
            else if (!options.Text.Any(char.IsLetterOrDigit))
            {
                // The full-text index serves words; text without one would read every record (the store refuses it).
                problems.Add(new(path + ":Text", $"{ConfigurationText.Show(options.Text)} has no letter or digit: search for a word"));
            }
            else
            {
                text = options.Text.Trim();
            }
        }

        return new LogRuleSettings
        {
            Service = ConditionFields.Name(options.Service, required: false, "a service name", path + ":Service", problems),
            MinimumSeverity = severity,
            Text = text,
            Where = ConditionFields.Where(options.Where, path + ":Where", problems),
            Window = ConditionFields.Duration(options.Window, DefaultWindow, TimeSpan.FromSeconds(1), MaxWindow, path + ":Window", problems),
            Comparison = ConditionFields.Comparison(options.Comparison, path + ":Comparison", problems),
            Threshold = ConditionFields.Threshold(options.Threshold, fallback: 0, path + ":Threshold", problems),
        };
    }
}
