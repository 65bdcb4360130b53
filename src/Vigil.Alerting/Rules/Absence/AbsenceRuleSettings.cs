using Vigil.Alerting.Rules.Conditions;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules.Absence;

/// <summary>An absence rule's fields, read and checked once.</summary>
internal sealed record AbsenceRuleSettings
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultLookBack = TimeSpan.FromHours(24);

    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    public string? Service { get; init; }

    public string? Metric { get; init; }

    public TimeSpan Window { get; init; } = DefaultWindow;

    public TimeSpan LookBack { get; init; } = DefaultLookBack;

    public static AbsenceRuleSettings Read(AlertRuleOptions rule, string rulePath, List<ConfigurationProblem> problems)
    {
        var path = rulePath + ":" + AbsenceRuleKind.SectionName;
        if (rule.Absence is not { } options)
        {
            problems.Add(new(path, "is missing: an absence rule needs an Absence section with a Service, a Metric or both"));
            return new AbsenceRuleSettings();
        }

        var service = ConditionFields.Name(options.Service, required: false, "a service name", path + ":Service", problems);
        var metric = ConditionFields.Name(options.Metric, required: false, "a metric name", path + ":Metric", problems);
        if (string.IsNullOrWhiteSpace(options.Service) && string.IsNullOrWhiteSpace(options.Metric))
        {
            problems.Add(new(path, "names nothing to watch: give a Service, a Metric, or both"));
        }

        var window = ConditionFields.Duration(options.Window, DefaultWindow, TimeSpan.FromSeconds(1), MaxDuration, path + ":Window", problems);
        var lookBack = ConditionFields.Duration(options.LookBack, window > DefaultLookBack ? window : DefaultLookBack, TimeSpan.FromSeconds(1), MaxDuration, path + ":LookBack", problems);
        if (lookBack < window)
        {
            problems.Add(new(path + ":LookBack", $"{ConditionFields.Show(lookBack)} is shorter than the window ({ConditionFields.Show(window)}): look back at least as far as the window"));
        }

        return new AbsenceRuleSettings { Service = service, Metric = metric, Window = window, LookBack = lookBack };
    }
}
