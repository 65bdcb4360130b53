namespace Vigil.Cli.Parsing;

/// <summary>
/// Reads a point in the future, for limits such as <c>vigil errors ignore --until</c>: a duration
/// forward from now (<c>2h</c>) or an ISO 8601 timestamp that has not passed yet.
/// </summary>
internal static class FutureTimePointParser
{
    /// <summary>What to tell the user when a value is not a future time.</summary>
    public const string Hint = "use 30m, 2h, 3d from now or an ISO 8601 timestamp";

    /// <summary>Parses <paramref name="text"/> relative to <paramref name="clock"/>.</summary>
    public static bool TryParse(string text, TimeProvider clock, out DateTimeOffset value, out string? error)
    {
        value = default;
        var trimmed = text.Trim();
        var now = clock.GetUtcNow();
        if (trimmed.StartsWith('-'))
        {
            error = $"'{text}' is negative; give a duration from now or a time in the future ({Hint})";
            return false;
        }

        if (trimmed.Length > 0 && char.IsAsciiDigit(trimmed[0]) && trimmed.Contains('-', StringComparison.Ordinal))
        {
            // A timestamp: the shared parser reads it; it must not have passed.
            if (!TimePointParser.TryParse(trimmed, clock, out value, out error))
            {
                error = error?.Replace(DurationParser.Hint, Hint, StringComparison.Ordinal);
                return false;
            }

            error = value > now ? null : $"'{text}' has already passed (give a time in the future)";
            return error is null;
        }

        if (!DurationParser.TryParse(trimmed, out var duration, out error))
        {
            error = $"{error ?? $"'{text}' is not a duration"} ({Hint})";
            return false;
        }

        if (duration > DateTimeOffset.MaxValue - now)
        {
            error = $"'{text}' reaches past the year 9999 ({Hint})";
            return false;
        }

        value = now + duration;
        return true;
    }
}
