namespace Vigil.Alerting.Rules;

/// <summary>The severities a rule may give its alerts, as the <c>severity</c> label Alertmanager routes expect.</summary>
internal static class AlertSeverities
{
    /// <summary>The default.</summary>
    public const string Default = "warning";

    /// <summary>The most severe: what an SLO's <c>page</c> alert gets.</summary>
    public const string Critical = "critical";

    /// <summary>Every allowed severity, most severe first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Critical, "high", Default, "info"];

    /// <summary>What messages say is allowed.</summary>
    public static string Allowed { get; } = string.Join(", ", Names);

    /// <summary>Reads a severity, case-insensitively.</summary>
    /// <param name="text">The configured text.</param>
    /// <param name="severity">The severity in its lower-case spelling.</param>
    /// <returns>Whether it is one.</returns>
    public static bool TryParse(string? text, out string severity)
    {
        severity = Names.FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return severity.Length > 0;
    }
}
