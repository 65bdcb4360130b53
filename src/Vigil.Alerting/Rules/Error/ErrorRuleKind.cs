using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>The <c>error</c> kind: new groups, regressions, and error counts or rates per group or service.</summary>
internal static class ErrorRuleKind
{
    /// <summary>The values of <c>On</c>.</summary>
    public static readonly IReadOnlyList<string> Triggers = ["new", "regression", "count", "rate"];

    /// <summary>The values of <c>By</c>.</summary>
    public static readonly IReadOnlyList<string> Groupings = ["group", "service"];

    /// <summary>How long a new group alerts when <c>Window</c> is not given.</summary>
    public static readonly TimeSpan DefaultNewWindow = TimeSpan.FromHours(1);

    /// <summary>The count and rate window when <c>Window</c> is not given.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    /// <summary>The longest window: the store keeps a group's latest events, not every event for ever.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <summary>The registration.</summary>
    public static RuleKind Kind { get; } = new()
    {
        Name = "error",
        SectionName = nameof(AlertRuleOptions.Error),
        Section = options => options.Error,
        Validate = (options, path, _) => Validate(options, path),
        Create = (options, _) => new ErrorCondition(Read(options.Error!)),
    };

    /// <summary>The validated options.</summary>
    internal sealed record Settings(string On, ErrorSeverity MinimumSeverity, string? Service, long? Group, TimeSpan Window, double? Threshold, string By);

    private static List<ConfigurationProblem> Validate(AlertRuleOptions options, string path)
    {
        var problems = new List<ConfigurationProblem>();
        path += ":Error";
        if (options.Error is not { } error)
        {
            problems.Add(new(path, $"is required for kind error: give On ({string.Join(", ", Triggers)})"));
            return problems;
        }

        var on = error.On is null ? null : RuleFields.Choice(error.On, $"{path}:On", Triggers, problems);
        if (error.On is null)
        {
            problems.Add(new($"{path}:On", $"is required: {string.Join(", ", Triggers)}"));
        }

        if (error.MinimumSeverity is { } severity && !ErrorSeverityNames.TryParse(severity, out _))
        {
            problems.Add(new($"{path}:MinimumSeverity", $"{ConfigurationText.Show(severity)} is not a severity: {ErrorSeverityNames.Accepted}"));
        }

        RuleFields.NotBlank(error.Service, $"{path}:Service", "a service.name", problems);
        if (error.Group is <= 0)
        {
            problems.Add(new($"{path}:Group", $"{error.Group} is not a group id: a whole number from 1, as vigil errors shows it"));
        }

        RuleFields.Duration(error.Window, $"{path}:Window", TimeSpan.FromMinutes(1), MaxWindow, problems);
        RuleFields.Choice(error.By, $"{path}:By", Groupings, problems);
        var counts = on is "count" or "rate";
        if (counts && error.Threshold is not { } threshold)
        {
            problems.Add(new($"{path}:Threshold", $"is required for On {on}: a number of events{(on == "rate" ? " a minute" : string.Empty)} above which it alerts, e.g. 10"));
        }
        else if (counts && error.Threshold is { } given && (!double.IsFinite(given) || given < 0 || given >= ErrorCondition.MaxEventsCounted))
        {
            // Counts stop at the events read per group; a threshold at or above that could never be passed.
            problems.Add(new($"{path}:Threshold", $"{ConfigurationText.Show(given)} is not allowed: a number from 0 to {ErrorCondition.MaxEventsCounted - 1}"));
        }
        else if (on is "new" or "regression" && (error.Threshold is not null || error.By is not null))
        {
            problems.Add(new($"{path}:{(error.Threshold is not null ? "Threshold" : "By")}", $"is only for On count or rate; On {on} alerts once per group"));
        }

        if (on is "regression" && error.Window is not null)
        {
            problems.Add(new($"{path}:Window", "is not used by On regression, which holds until the group is triaged: leave it out"));
        }

        return problems;
    }

    private static Settings Read(ErrorRuleOptions error)
    {
        var on = Triggers.First(t => string.Equals(t, error.On?.Trim(), StringComparison.OrdinalIgnoreCase));
        var problems = new List<ConfigurationProblem>();
        var window = RuleFields.Duration(error.Window, string.Empty, TimeSpan.Zero, TimeSpan.MaxValue, problems)
            ?? (on == "new" ? DefaultNewWindow : DefaultWindow);
        var severity = ErrorSeverityNames.TryParse(error.MinimumSeverity, out var parsed) ? parsed : ErrorSeverity.Low;
        var by = error.By is null ? "group" : Groupings.First(g => string.Equals(g, error.By.Trim(), StringComparison.OrdinalIgnoreCase));
        return new Settings(on, severity, error.Service?.Trim(), error.Group, window, error.Threshold, by);
    }
}
