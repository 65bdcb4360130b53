namespace Vigil.Alerting.Rules;

/// <summary>
/// The rules that run with no configuration (<c>Alerts:DefaultRules</c>, true by default): what the project Vigil grew
/// from did with no setup. A configured rule of the same name replaces the default one.
/// </summary>
internal static class DefaultAlertRules
{
    /// <summary>How often the defaults are evaluated: they read small tables.</summary>
    public const string Interval = "15s";

    /// <summary>The default rules, built fresh for each load (options are mutable).</summary>
    /// <returns>The rules as if configured.</returns>
    public static IReadOnlyList<AlertRuleOptions> Create() =>
    [
        Rule("NewErrorGroup", "error", "high", "New error group {{ labels.error_type }} (group {{ labels.group_id }})", error: new() { On = "new", MinimumSeverity = "high" }),
        Rule("ErrorRegression", "error", "high", "Error group {{ labels.group_id }} ({{ labels.error_type }}) came back after it was resolved", error: new() { On = "regression" }),
        Rule("HealthUnhealthy", "health", "high", "{{ labels.health_source }} {{ labels.check }} of {{ labels.service }} is unhealthy", health: new() { On = "unhealthy" }),
        Rule("HealthStale", "health", "warning", "{{ labels.health_source }} {{ labels.check }} of {{ labels.service }} has stopped reporting ({{ value }}s since its latest result)", health: new() { On = "stale" }),
    ];

    private static AlertRuleOptions Rule(string name, string kind, string severity, string summary, ErrorRuleOptions? error = null, HealthRuleOptions? health = null)
    {
        var rule = new AlertRuleOptions { Name = name, Kind = kind, Interval = Interval, Severity = severity, Error = error, Health = health };
        rule.Annotations["summary"] = summary;
        return rule;
    }
}
