using System.Globalization;
using Vigil.Alerting.Rules;
using Vigil.Model;
using Vigil.Model.Text;

namespace Vigil.Alerting.Slos;

/// <summary>
/// The rules the SLOs make: one per burn-rate alert, of kind <c>slo</c>, named <c>slo:NAME:SEVERITY:LONG-SHORT</c>,
/// so the rule engine's state machine, history, silences and notifications are the SLOs' too. The engine adds these to
/// the rules it loads from <c>Alerts:Rules</c> and the rule files.
/// </summary>
public static class SloRules
{
    /// <summary>How often an SLO's alerts are evaluated: the SRE workbook's one minute, a fifth of the shortest default window.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The rules of a validated section's SLOs.</summary>
    /// <param name="slos">The SLOs (<see cref="SloConfiguration.Build"/>).</param>
    /// <returns>One rule per burn-rate alert, in order.</returns>
    public static IReadOnlyList<AlertRuleOptions> From(IReadOnlyList<SloDefinition> slos)
    {
        ArgumentNullException.ThrowIfNull(slos);
        var rules = new List<AlertRuleOptions>();
        foreach (var slo in slos)
        {
            foreach (var alert in slo.Alerts)
            {
                var rule = new AlertRuleOptions
                {
                    Name = RuleName(slo, alert),
                    Kind = SloRuleKind.Name,
                    Interval = DurationGrammar.Format(Interval),
                    Severity = RuleSeverity(alert.Severity),
                    Slo = new SloRuleOptions { Name = slo.Name, Definition = slo, Alert = alert },
                };
                rule.Annotations["summary"] = $"SLO {slo.Name} ({slo.Service}) burns its error budget at {{{{ value }}}}× over {DurationGrammar.Format(alert.LongWindow)} (alert above {{{{ threshold }}}}× over {DurationGrammar.Format(alert.LongWindow)} and {DurationGrammar.Format(alert.ShortWindow)})";
                rule.Annotations["description"] = $"{slo.Indicator.Description}; objective {(slo.Objective * 100).ToString("0.###", CultureInfo.InvariantCulture)} % over {DurationGrammar.Format(slo.Window)}. See vigil slo.";
                rules.Add(rule);
            }
        }

        return rules;
    }

    /// <summary>The SLOs behind <paramref name="rules"/>' <c>slo</c> rules, each once, in the rules' order.</summary>
    internal static IReadOnlyList<SloDefinition> Of(IEnumerable<AlertRule> rules) =>
        [.. rules.Select(rule => rule.Options.Slo?.Definition).OfType<SloDefinition>().Distinct()];

    /// <summary>The rule name of one alert of one SLO.</summary>
    internal static string RuleName(SloDefinition slo, BurnRateWindow alert) =>
        $"slo:{slo.Name}:{alert.Severity}:{DurationGrammar.Format(alert.LongWindow)}-{DurationGrammar.Format(alert.ShortWindow)}";

    /// <summary>
    /// The labels of an alert's sample. The engine sets <c>severity</c> from the rule (critical for a page, warning
    /// otherwise), so the SLO's own word (page, ticket) travels as <c>slo_severity</c>.
    /// </summary>
    internal static AlertLabels LabelsOf(SloDefinition slo, BurnRateWindow alert) => AlertLabels.From(
    [
        .. slo.Labels,
        new(SloAlertLabels.Slo, slo.Name),
        new(SloAlertLabels.Service, slo.Service),
        new(SloAlertLabels.SloSeverity, alert.Severity),
        new(SloAlertLabels.LongWindow, DurationGrammar.Format(alert.LongWindow)),
        new(SloAlertLabels.ShortWindow, DurationGrammar.Format(alert.ShortWindow)),
    ]);

    /// <summary>
    /// The rule engine's severities are critical, high, warning and info; a page is critical, a ticket a warning, and
    /// any other word (kept in the instances' <c>slo_severity</c> label) a warning.
    /// </summary>
    private static string RuleSeverity(string severity) =>
        string.Equals(severity, BurnRateWindow.Page, StringComparison.OrdinalIgnoreCase) ? AlertSeverities.Critical : AlertSeverities.Default;
}
