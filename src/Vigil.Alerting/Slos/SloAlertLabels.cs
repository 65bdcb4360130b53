namespace Vigil.Alerting.Slos;

/// <summary>The labels every SLO burn-rate alert carries, so routes and silences can match them.</summary>
public static class SloAlertLabels
{
    /// <summary>The alert name label (Prometheus' <c>alertname</c>).</summary>
    public const string AlertName = "alertname";

    /// <summary>The SLO's name.</summary>
    public const string Slo = "slo";

    /// <summary>The SLO's service.</summary>
    public const string Service = "service";

    /// <summary>
    /// The rule engine's severity (critical, high, warning, info), which it sets from the rule: <c>critical</c> for a
    /// page, <c>warning</c> for anything else.
    /// </summary>
    public const string Severity = "severity";

    /// <summary>The burn-rate alert's own severity word: <c>page</c>, <c>ticket</c>, or a configured one.</summary>
    public const string SloSeverity = "slo_severity";

    /// <summary>The long window, e.g. <c>1h</c>.</summary>
    public const string LongWindow = "long_window";

    /// <summary>The short window, e.g. <c>5m</c>.</summary>
    public const string ShortWindow = "short_window";

    /// <summary>True for a Prometheus label name: a letter or <c>_</c>, then letters, digits or <c>_</c>.</summary>
    /// <param name="name">The candidate.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsLabelName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > SloSectionReader.MaxNameLength || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
