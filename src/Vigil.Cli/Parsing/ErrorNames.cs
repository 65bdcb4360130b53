using Vigil.Model;

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
    public const string AcceptedSeverities = ErrorSeverityNames.Accepted;

    /// <summary>The name of a status.</summary>
    public static string Status(ErrorGroupStatus status) => status switch
    {
        ErrorGroupStatus.Resolved => "resolved",
        ErrorGroupStatus.Ignored => "ignored",
        _ => "unresolved",
    };

    /// <summary>The name of a severity.</summary>
    public static string Severity(ErrorSeverity severity) => ErrorSeverityNames.Name(severity);

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
        error = ErrorSeverityNames.TryParse(text, out severity) ? null : $"'{text}' is not a severity (use {AcceptedSeverities})";
        return error is null;
    }
}
