using Vigil.Storage;

namespace Vigil.Cli.Parsing;

/// <summary>
/// The words the CLI uses for error statuses and severities, both ways: what <c>--status</c> and
/// <c>--severity</c> accept, and what text and JSON output print (stable, lower case).
/// </summary>
internal static class ErrorNames
{
    /// <summary>The values <c>--status</c> accepts.</summary>
    public const string AcceptedStatuses = "unresolved, resolved, ignored or all";

    /// <summary>The values <c>--severity</c> accepts.</summary>
    public const string AcceptedSeverities = "low, medium, high or critical";

    /// <summary>The name of a status.</summary>
    public static string Status(ErrorGroupStatus status) => status switch
    {
        ErrorGroupStatus.Resolved => "resolved",
        ErrorGroupStatus.Ignored => "ignored",
        _ => "unresolved",
    };

    /// <summary>The name of a severity.</summary>
    public static string Severity(ErrorSeverity severity) => severity switch
    {
        ErrorSeverity.Low => "low",
        ErrorSeverity.High => "high",
        ErrorSeverity.Critical => "critical",
        _ => "medium",
    };

    /// <summary>Parses a <c>--status</c> value, case-insensitively.</summary>
    public static bool TryParseStatus(string text, out ErrorStatusFilter status, out string? error)
    {
        status = text.Trim().ToUpperInvariant() switch
        {
            "UNRESOLVED" => ErrorStatusFilter.Unresolved,
            "RESOLVED" => ErrorStatusFilter.Resolved,
            "IGNORED" => ErrorStatusFilter.Ignored,
            "ALL" => ErrorStatusFilter.All,
            _ => (ErrorStatusFilter)(-1),
        };
        error = Enum.IsDefined(status) ? null : $"'{text}' is not a status (use {AcceptedStatuses})";
        return error is null;
    }

    /// <summary>Parses a <c>--severity</c> value, case-insensitively.</summary>
    public static bool TryParseSeverity(string text, out ErrorSeverity severity, out string? error)
    {
        severity = text.Trim().ToUpperInvariant() switch
        {
            "LOW" => ErrorSeverity.Low,
            "MEDIUM" => ErrorSeverity.Medium,
            "HIGH" => ErrorSeverity.High,
            "CRITICAL" => ErrorSeverity.Critical,
            _ => (ErrorSeverity)(-1),
        };
        error = Enum.IsDefined(severity) ? null : $"'{text}' is not a severity (use {AcceptedSeverities})";
        return error is null;
    }
}
