namespace Vigil.Cli.Parsing;

/// <summary>Validates W3C trace ids: 32 hex digits, not all zero.</summary>
internal static class TraceIdParser
{
    /// <summary>Returns the id in lower case when <paramref name="text"/> is a valid trace id.</summary>
    public static bool TryParse(string text, out string traceId, out string? error)
    {
        var trimmed = text.Trim();
        traceId = trimmed.ToLowerInvariant();
        error = null;
        if (trimmed.Length != 32 || !trimmed.All(char.IsAsciiHexDigit))
        {
            error = $"'{text}' is not a trace id (32 hexadecimal digits)";
            return false;
        }

        // W3C Trace Context: an all-zero trace id is invalid.
        if (trimmed.All(c => c == '0'))
        {
            error = $"'{text}' is the all-zero trace id, which is never valid";
            return false;
        }

        return true;
    }
}
