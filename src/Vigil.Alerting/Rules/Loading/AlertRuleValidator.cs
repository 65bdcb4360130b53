using Vigil.Alerting.Configuration;
using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>
/// Checks the rules of the <c>Alerts</c> section and of the rule files it names, at start and on every reload:
/// every problem is collected, each naming the rule (its key path, <c>Alerts:Rules:3</c> or <c>rules.json:Rules:0</c>),
/// the field and what is allowed.
/// </summary>
public static class AlertRuleValidator
{
    /// <summary>The section's key in the server's configuration.</summary>
    public const string SectionName = "Alerts";

    /// <summary>The longest rule name.</summary>
    public const int MaxNameLength = 128;

    /// <summary>The longest label value.</summary>
    public const int MaxLabelValueLength = 1024;

    private const string NameAllowed = "letters, digits, _ - . or :, starting with a letter, at most 128 characters (e.g. ShopErrors)";

    /// <summary>Every problem with the rules (inline and in rule files).</summary>
    /// <param name="section">The bound section.</param>
    /// <param name="configurationFile">The configuration file; rule files are relative to it (null: the working directory).</param>
    /// <param name="skip">Key paths already reported by the shape check, not to be blamed again; null for none.</param>
    /// <returns>The problems; empty when the rules are usable.</returns>
    public static IReadOnlyList<ConfigurationProblem> Check(AlertingSection section, string? configurationFile, Func<string, bool>? skip = null) =>
        RuleSet.Load(section, configurationFile, skip).Problems;

    /// <summary>Checks one rule's common fields and its kind's; returns the rule when there is no problem.</summary>
    internal static AlertRule? Compile(AlertRuleOptions? options, string path, string source, RuleLoadContext context, List<ConfigurationProblem> problems)
    {
        if (options is null)
        {
            problems.Add(new(path, "is empty: give at least Name and Kind"));
            return null;
        }

        var before = problems.Count;
        var name = options.Name?.Trim();
        if (name is null || name.Length == 0)
        {
            problems.Add(new($"{path}:Name", $"is required: {NameAllowed}"));
        }
        else if (!IsRuleName(name))
        {
            problems.Add(new($"{path}:Name", $"{ConfigurationText.Show(options.Name)} is not allowed: {NameAllowed}"));
        }

        var kind = RuleKinds.Find(options.Kind);
        if (options.Kind is null)
        {
            problems.Add(new($"{path}:Kind", $"is required: {RuleKinds.Allowed}"));
        }
        else if (kind is null)
        {
            problems.Add(new($"{path}:Kind", $"{ConfigurationText.Show(options.Kind)} is not a rule kind: {RuleKinds.Allowed}"));
        }

        var interval = RuleFields.Duration(options.Interval, $"{path}:Interval", AlertRule.MinInterval, AlertRule.MaxDuration, problems);
        var @for = RuleFields.Duration(options.For, $"{path}:For", TimeSpan.Zero, AlertRule.MaxDuration, problems);
        var keep = RuleFields.Duration(options.KeepFiringFor, $"{path}:KeepFiringFor", TimeSpan.Zero, AlertRule.MaxDuration, problems);
        var severity = AlertSeverities.Default;
        if (options.Severity is { } given && !AlertSeverities.TryParse(given, out severity))
        {
            problems.Add(new($"{path}:Severity", $"{ConfigurationText.Show(given)} is not a severity: {AlertSeverities.Allowed}"));
        }

        var labels = Labels(options, path, problems);
        var annotations = Annotations(options, path, problems);
        foreach (var (annotation, text) in kind?.DefaultAnnotations ?? new Dictionary<string, string>())
        {
            // The kind's defaults are known good; the rule's own annotation of the same name wins.
            if (!options.Annotations.ContainsKey(annotation) && AnnotationTemplate.TryParse(text, out var template, out _))
            {
                annotations[annotation] = template;
            }
        }

        if (kind is not null)
        {
            foreach (var other in RuleKinds.All.Where(k => k != kind && k.Section(options) is not null))
            {
                problems.Add(new($"{path}:{other.SectionName}", $"is for rules of kind {other.Name}; this rule is of kind {kind.Name}: remove it, or change Kind"));
            }

            problems.AddRange(kind.Validate(options, path, context));
        }

        if (problems.Count > before || kind is null || name is null)
        {
            return null;
        }

        return new AlertRule
        {
            Name = name,
            Kind = kind,
            Interval = interval ?? AlertRule.DefaultInterval,
            For = @for ?? TimeSpan.Zero,
            KeepFiringFor = keep ?? TimeSpan.Zero,
            Severity = severity,
            Labels = labels.With([new(AlertLabels.AlertName, name), new(AlertLabels.Severity, severity)]),
            Annotations = annotations,
            Options = options,
            LoadContext = context,
            Source = source,
        };
    }

    private static AlertLabels Labels(AlertRuleOptions options, string path, List<ConfigurationProblem> problems)
    {
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var (label, value) in options.Labels)
        {
            var at = $"{path}:Labels:{label}";
            if (!LabelNames.IsValid(label))
            {
                problems.Add(new(at, $"{ConfigurationText.Show(label)} is not a label name: {LabelNames.Allowed}"));
            }
            else if (label is AlertLabels.AlertName or AlertLabels.Severity)
            {
                problems.Add(new(at, $"is set by the rule's {(label == AlertLabels.AlertName ? "Name" : "Severity")}: remove it from Labels"));
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(at, "is blank: give a value, or remove the label"));
            }
            else if (value.Length > MaxLabelValueLength)
            {
                problems.Add(new(at, $"is {value.Length} characters long: at most {MaxLabelValueLength}"));
            }
            else
            {
                labels.Add(new(label, value));
            }
        }

        return AlertLabels.From(labels);
    }

    private static Dictionary<string, AnnotationTemplate> Annotations(AlertRuleOptions options, string path, List<ConfigurationProblem> problems)
    {
        var annotations = new Dictionary<string, AnnotationTemplate>(StringComparer.Ordinal);
        foreach (var (annotation, text) in options.Annotations)
        {
            var at = $"{path}:Annotations:{annotation}";
            if (!LabelNames.IsValid(annotation))
            {
                problems.Add(new(at, $"{ConfigurationText.Show(annotation)} is not an annotation name: {LabelNames.Allowed}"));
            }
            else if (!AnnotationTemplate.TryParse(text ?? string.Empty, out var template, out var error))
            {
                problems.Add(new(at, error!));
            }
            else
            {
                annotations[annotation] = template;
            }
        }

        return annotations;
    }

    private static bool IsRuleName(string name) =>
        name.Length <= MaxNameLength
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':');
}
