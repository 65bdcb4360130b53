namespace Vigil.Model;

/// <summary>
/// The words for <see cref="ErrorSeverity"/> wherever people type or read them (configuration files, command lines,
/// text and JSON output): lower case out, case-insensitive in.
/// </summary>
public static class ErrorSeverityNames
{
    /// <summary>The accepted words, for error messages.</summary>
    public const string Accepted = "low, medium, high or critical";

    /// <summary>The word for a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</returns>
    public static string Name(ErrorSeverity severity) => severity switch
    {
        ErrorSeverity.Low => "low",
        ErrorSeverity.High => "high",
        ErrorSeverity.Critical => "critical",
        _ => "medium",
    };

    /// <summary>Reads a severity word, case-insensitively, ignoring surrounding white space.</summary>
    /// <param name="text">The text.</param>
    /// <param name="severity">The severity read.</param>
    /// <returns>False when the text is not one of <see cref="Accepted"/>.</returns>
    public static bool TryParse(string? text, out ErrorSeverity severity)
    {
        ErrorSeverity? parsed = text?.Trim().ToUpperInvariant() switch
        {
            "LOW" => ErrorSeverity.Low,
            "MEDIUM" => ErrorSeverity.Medium,
            "HIGH" => ErrorSeverity.High,
            "CRITICAL" => ErrorSeverity.Critical,
            _ => null,
        };
        severity = parsed ?? ErrorSeverity.Medium;
        return parsed is not null;
    }
}
