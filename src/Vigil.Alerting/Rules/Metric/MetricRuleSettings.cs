using Vigil.Alerting.Rules.Conditions;
using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules.Metric;

/// <summary>A metric rule's fields, read and checked once: validation reports the problems, the condition uses the rest.</summary>
internal sealed record MetricRuleSettings
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public required string Name { get; init; }

    public string? Service { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Where { get; init; } = [];

    public required string Aggregation { get; init; }

    public TimeSpan Window { get; init; } = DefaultWindow;

    /// <summary>The attribute names grouped by, with the label each becomes (<c>service.name</c> → <c>service</c>, dots → <c>_</c>).</summary>
    public IReadOnlyList<(string Attribute, string Label)> GroupBy { get; init; } = [];

    public required RuleComparison Comparison { get; init; }

    public double Threshold { get; init; }

    public static MetricRuleSettings Read(AlertRuleOptions rule, string rulePath, List<ConfigurationProblem> problems)
    {
        var path = rulePath + ":" + MetricRuleKind.SectionName;
        if (rule.Metric is not { } options)
        {
            problems.Add(new(path, "is missing: a metric rule needs a Metric section with Name, Aggregation and Threshold"));
            return new MetricRuleSettings { Name = string.Empty, Aggregation = "last", Comparison = RuleComparison.Above };
        }

        var aggregation = string.Empty;
        if (string.IsNullOrWhiteSpace(options.Aggregation))
        {
            problems.Add(new(path + ":Aggregation", $"is missing: use {MetricAggregation.Allowed}"));
        }
        else if (!MetricAggregation.TryParse(options.Aggregation, out aggregation))
        {
            problems.Add(new(path + ":Aggregation", $"{ConfigurationText.Show(options.Aggregation)} is not an aggregation: use {MetricAggregation.Allowed}"));
        }

        return new MetricRuleSettings
        {
            Name = ConditionFields.Name(options.Name, required: true, "a metric name", path + ":Name", problems) ?? string.Empty,
            Service = ConditionFields.Name(options.Service, required: false, "a service name", path + ":Service", problems),
            Where = ConditionFields.Where(options.Where, path + ":Where", problems),
            Aggregation = aggregation,
            Window = ConditionFields.Duration(options.Window, DefaultWindow, TimeSpan.FromSeconds(1), MaxWindow, path + ":Window", problems),
            GroupBy = GroupLabels(options.GroupBy, path + ":GroupBy", problems),
            Comparison = ConditionFields.Comparison(options.Comparison, path + ":Comparison", problems),
            Threshold = ConditionFields.Threshold(options.Threshold, fallback: null, path + ":Threshold", problems),
        };
    }

    private static List<(string Attribute, string Label)> GroupLabels(IList<string> names, string path, List<ConfigurationProblem> problems)
    {
        var result = new List<(string, string)>();
        if (names.Count > ConditionFields.MaxListLength)
        {
            problems.Add(new(path, $"lists {names.Count} attributes: at most {ConditionFields.MaxListLength}"));
            return result;
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim() ?? string.Empty;
            var label = LabelOf(name);
            if (name.Length > ConditionFields.MaxNameLength || !LabelMatcher.IsLabelName(name) || !LabelNames.IsValid(label))
            {
                problems.Add(new($"{path}:{i}", $"{ConfigurationText.Show(name)} is not an attribute name to group by: letters, digits, '_' and '.', not starting with a digit, at most 128 characters"));
            }
            else if (!labels.Add(label))
            {
                problems.Add(new($"{path}:{i}", $"{ConfigurationText.Show(name)} gives the label '{label}' a second time: list each attribute once"));
            }
            else
            {
                result.Add((name, label));
            }
        }

        return result;
    }

    /// <summary>The alert label an attribute becomes: Prometheus label names have no dots.</summary>
    public static string LabelOf(string attribute) =>
        attribute == TelemetryResource.ServiceNameKey ? "service" : attribute.Replace('.', '_');
}
