namespace Vigil.Cli.Parsing;

/// <summary>
/// Validates W3C trace ids (32 hex digits, not all zero) and their prefixes: log lines show the first 8 digits, and,
/// as git does with commits, a unique prefix of at least <see cref="MinPrefixLength"/> digits stands for the whole id
/// (<see cref="TraceIdResolver"/> looks it up).
/// </summary>
internal static class TraceIdParser
{
    /// <summary>The length of a whole trace id.</summary>
    public const int Length = 32;

    /// <summary>The fewest digits a prefix may have: fewer would match too many traces to be of use.</summary>
    public const int MinPrefixLength = 4;

    /// <summary>Returns the id or prefix in lower case when <paramref name="text"/> is one.</summary>
    public static bool TryParse(string text, out string traceId, out string? error)
    {
        var trimmed = text.Trim();
        traceId = trimmed.ToLowerInvariant();
        error = null;
        if (trimmed.Length is < MinPrefixLength or > Length || !trimmed.All(char.IsAsciiHexDigit))
        {
            error = $"'{text}' is not a trace id ({Length} hexadecimal digits, or the first {MinPrefixLength} or more of them)";
            return false;
        }

        // W3C Trace Context: an all-zero trace id is invalid.
        if (trimmed.Length == Length && trimmed.All(c => c == '0'))
        {
            error = $"'{text}' is the all-zero trace id, which is never valid";
            return false;
        }

        return true;
    }
}
