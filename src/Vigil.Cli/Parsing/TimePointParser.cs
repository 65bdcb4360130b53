using System.Globalization;

namespace Vigil.Cli.Parsing;

/// <summary>
/// Reads a point in time for <c>--since</c>/<c>--until</c>: a duration back from now
/// (<c>15m</c>) or an ISO 8601 timestamp (<c>2026-11-23T10:00:00Z</c>).
/// </summary>
internal static class TimePointParser
{
    private static readonly string[] s_formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses <paramref name="text"/> relative to <paramref name="clock"/>.</summary>
    public static bool TryParse(string text, TimeProvider clock, out DateTimeOffset value, out string? error)
    {
        value = default;
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && char.IsAsciiDigit(trimmed[0]) && trimmed.Contains('-', StringComparison.Ordinal) && trimmed.Length >= 10)
        {
            return TryParseTimestamp(trimmed, clock, out value, out error);
        }

        if (!DurationParser.TryParse(trimmed, out var duration, out error))
        {
            error = (error ?? $"'{text}' is not a duration") + $" ({DurationParser.Hint})";
            return false;
        }

        var now = clock.GetUtcNow();
        if (duration > now - DateTimeOffset.MinValue)
        {
            error = $"'{text}' reaches back before the year 1 ({DurationParser.Hint})";
            return false;
        }

        value = now - duration;
        return true;
    }

    private static bool TryParseTimestamp(string text, TimeProvider clock, out DateTimeOffset value, out string? error)
    {
        error = null;
        if (DateTime.TryParseExact(text, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            // A timestamp with an offset or Z is exact; one without is read as the user's local time.
            value = parsed.Kind switch
            {
                DateTimeKind.Utc => new DateTimeOffset(parsed, TimeSpan.Zero),
                DateTimeKind.Local => new DateTimeOffset(parsed.ToUniversalTime(), TimeSpan.Zero),
                _ => new DateTimeOffset(parsed, clock.LocalTimeZone.GetUtcOffset(parsed)),
            };
            return true;
        }

        value = default;
        error = $"'{text}' is not an ISO 8601 timestamp ({DurationParser.Hint})";
        return false;
    }
}
