using System.Globalization;
using Vigil.Alerting.Configuration;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Slos;

/// <summary>Reads one <see cref="SloSection"/>: every bad field is a problem at its key path; null when there was one.</summary>
internal static class SloSectionReader
{
    /// <summary>Names are label values and appear in listings; longer is a mistake.</summary>
    public const int MaxNameLength = 200;

    /// <summary>An SLO's rule names add up to 28 characters to its name; rule names are at most 128.</summary>
    public const int MaxSloNameLength = 100;

    /// <summary>A window past a year outlives any store's retention.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    // Labels the SLO's alerts set themselves; a configured label may not hide them.
    private static readonly string[] s_reservedLabels = [SloAlertLabels.AlertName, SloAlertLabels.Slo, SloAlertLabels.Service, SloAlertLabels.Severity, SloAlertLabels.SloSeverity, SloAlertLabels.LongWindow, SloAlertLabels.ShortWindow];

    public static SloDefinition? Read(SloSection? section, string path, List<ConfigurationProblem> problems)
    {
        if (section is null)
        {
            problems.Add(new(path, "is empty: give Name, Service, Objective and Indicator"));
            return null;
        }

        var before = problems.Count;
        var name = Name(section.Name, $"{path}:Name", problems);
        var service = Text(section.Service, $"{path}:Service", "the service.name the SLO is about", problems);
        var objective = Objective(section.Objective, $"{path}:Objective", problems);
        var window = section.Window is null ? SloDefinition.DefaultWindow : Duration(section.Window, $"{path}:Window", TimeSpan.FromMinutes(1), MaxWindow, problems);
        var indicator = service is null ? null : SloIndicatorReader.Read(section.Indicator, service, $"{path}:Indicator", problems);
        var alerts = new List<BurnRateWindow>();
        for (var i = 0; i < section.BurnRateAlerts.Count; i++)
        {
            if (Alert(section.BurnRateAlerts[i], $"{path}:BurnRateAlerts:{i}", objective, window, problems) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        if (section.BurnRateAlerts.Count == 0 && window is { } slow && objective is { } goal)
        {
            // The defaults are checked as a configured list is: a short SLO window cannot hold a 3-day alert window.
            foreach (var alert in BurnRateWindow.Defaults)
            {
                if (!DefaultFits(alert, slow, goal, $"{path}:BurnRateAlerts", problems))
                {
                    break;
                }
            }
        }

        Labels(section.Labels, $"{path}:Labels", problems);
        if (problems.Count > before || name is null || service is null || objective is null || window is null || indicator is null)
        {
            return null;
        }

        return new SloDefinition(name, service, objective.Value, window.Value, indicator, section.BurnRateAlerts.Count == 0 ? null : alerts)
        {
            Labels = new Dictionary<string, string>(section.Labels, StringComparer.Ordinal),
        };
    }

    internal static string? Text(string? value, string path, string what, List<ConfigurationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(path, $"is {(value is null ? "missing" : "blank")}: give {what}"));
            return null;
        }

        if (value.Length > MaxNameLength || value.Any(char.IsControl))
        {
            problems.Add(new(path, $"{ConfigurationText.Show(value)} is not allowed: at most {MaxNameLength} characters, no control characters"));
            return null;
        }

        return value.Trim();
    }

    /// <summary>A name becomes part of its rules' names, so it takes their characters: letters, digits, <c>_ - .</c>.</summary>
    private static string? Name(string? value, string path, List<ConfigurationProblem> problems)
    {
        var name = Text(value, path, "the SLO's name, e.g. checkout-availability", problems);
        if (name is not null && (name.Length > MaxSloNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
        {
            problems.Add(new(path, $"{ConfigurationText.Show(name)} is not allowed: letters, digits, _, - and . only, at most {MaxSloNameLength} characters (it names the SLO's alert rules)"));
            return null;
        }

        return name;
    }

    internal static TimeSpan? Duration(string? text, string path, TimeSpan min, TimeSpan max, List<ConfigurationProblem> problems)
    {
        if (text is null)
        {
            problems.Add(new(path, $"is missing: give a duration, {DurationGrammar.Allowed}"));
            return null;
        }

        if (!DurationGrammar.TryParse(text, out var duration) || duration < min || duration > max)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(text)} is not allowed: a duration from {DurationGrammar.Format(min)} to {DurationGrammar.Format(max)}, {DurationGrammar.Allowed}"));
            return null;
        }

        return duration;
    }

    private static double? Objective(double? percent, string path, List<ConfigurationProblem> problems)
    {
        if (percent is not { } value)
        {
            problems.Add(new(path, "is missing: give the objective in percent, above 0 and below 100 (e.g. 99.9)"));
            return null;
        }

        if (!(value is > 0 and < 100))
        {
            var why = value == 100 ? " (100 leaves no error budget: every failure would break it, and burn rates divide by zero)" : string.Empty;
            problems.Add(new(path, $"{ConfigurationText.Show(value)} is not allowed: a percentage above 0 and below 100, e.g. 99.9{why}"));
            return null;
        }

        return value / 100;
    }

    private static BurnRateWindow? Alert(SloBurnRateAlertSection? section, string path, double? objective, TimeSpan? window, List<ConfigurationProblem> problems)
    {
        if (section is null)
        {
            problems.Add(new(path, "is empty: give Severity, BurnRate, LongWindow and ShortWindow"));
            return null;
        }

        var before = problems.Count;
        var severity = Text(section.Severity, $"{path}:Severity", "the alert's slo_severity label, e.g. page or ticket (a page's severity label is critical, any other's warning)", problems);
        var longWindow = Duration(section.LongWindow, $"{path}:LongWindow", TimeSpan.FromMinutes(1), MaxWindow, problems);
        var shortWindow = Duration(section.ShortWindow, $"{path}:ShortWindow", TimeSpan.FromMinutes(1), MaxWindow, problems);
        if (section.BurnRate is not { } factor)
        {
            problems.Add(new($"{path}:BurnRate", "is missing: give the burn rate both windows must exceed, e.g. 14.4"));
        }
        else if (!(factor > 0 && double.IsFinite(factor)))
        {
            problems.Add(new($"{path}:BurnRate", $"{ConfigurationText.Show(factor)} is not allowed: a number above 0, e.g. 14.4"));
        }
        else if (objective is { } goal && factor >= 1 / (1 - goal))
        {
            problems.Add(new($"{path}:BurnRate", $"{ConfigurationText.Show(factor)} can never be exceeded: at an objective of {ConfigurationText.Show(goal * 100)} % every event failing burns at {ConfigurationText.Show(Math.Round(1 / (1 - goal), 6))}"));
        }

        if (longWindow is { } longer && shortWindow is { } shorter && shorter >= longer)
        {
            problems.Add(new($"{path}:ShortWindow", $"{ConfigurationText.Show(section.ShortWindow)} is not shorter than LongWindow {ConfigurationText.Show(section.LongWindow)}: the short window is what lets the alert resolve soon after the burn stops"));
        }

        if (longWindow is { } span && window is { } slo && span > slo)
        {
            problems.Add(new($"{path}:LongWindow", $"{ConfigurationText.Show(section.LongWindow)} is longer than the SLO's window {DurationGrammar.Format(slo)}"));
        }

        return problems.Count > before || severity is null || longWindow is null || shortWindow is null || section.BurnRate is null
            ? null
            : new BurnRateWindow(severity, section.BurnRate.Value, longWindow.Value, shortWindow.Value);
    }

    private static bool DefaultFits(BurnRateWindow alert, TimeSpan window, double objective, string path, List<ConfigurationProblem> problems)
    {
        if (alert.LongWindow > window)
        {
            problems.Add(new(path, $"are the defaults, whose {DurationGrammar.Format(alert.LongWindow)} window is longer than the SLO's window {DurationGrammar.Format(window)}: give BurnRateAlerts that fit"));
            return false;
        }

        if (alert.Factor >= 1 / (1 - objective))
        {
            problems.Add(new(path, $"are the defaults, whose burn rate {ConfigurationText.Show(alert.Factor)} can never be exceeded at an objective of {ConfigurationText.Show(objective * 100)} %: give BurnRateAlerts that can fire"));
            return false;
        }

        return true;
    }

    private static void Labels(IDictionary<string, string> labels, string path, List<ConfigurationProblem> problems)
    {
        foreach (var (key, value) in labels)
        {
            if (!SloAlertLabels.IsLabelName(key))
            {
                problems.Add(new($"{path}:{key}", "is not a label name: a letter or _, then letters, digits or _"));
            }
            else if (s_reservedLabels.Contains(key, StringComparer.Ordinal))
            {
                problems.Add(new($"{path}:{key}", $"is set by the SLO's alerts and cannot be configured ({string.Join(", ", s_reservedLabels)})"));
            }
            else if (value.Length > MaxNameLength)
            {
                problems.Add(new($"{path}:{key}", $"is longer than {MaxNameLength.ToString(CultureInfo.InvariantCulture)} characters"));
            }
        }
    }
}
