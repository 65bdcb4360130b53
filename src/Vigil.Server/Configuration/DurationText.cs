using System.Globalization;

namespace Vigil.Server.Configuration;

/// <summary>Durations in configuration: a number and a unit, <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>.</summary>
internal static class DurationText
{
    /// <summary>What the error messages say is allowed.</summary>
    public const string Allowed = "a number with a unit, ms, s, m or h, from 1ms to 24h (e.g. 500ms, 30s, 5m, 1h)";

    /// <summary>Reads a duration; false for anything else, zero and negative numbers included.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var (unitLength, milliseconds) =
            span.EndsWith("ms", StringComparison.Ordinal) ? (2, 1d)
            : span.EndsWith('s') ? (1, 1_000d)
            : span.EndsWith('m') ? (1, 60_000d)
            : span.EndsWith('h') ? (1, 3_600_000d)
            : (0, 0d);
        if (unitLength == 0
            || !double.TryParse(span[..^unitLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            return false;
        }

        var total = number * milliseconds;
        // Whole milliseconds: timers do not resolve finer, and a day is far past any sensible probe interval.
        if (total < 1 || total > TimeSpan.FromDays(1).TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(Math.Round(total));
        return true;
    }

    /// <summary>The short text form: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, or seconds with a fraction.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds < 1000 || duration.Milliseconds != 0 && duration.TotalSeconds < 10
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms")
            : duration.TotalSeconds % 3600 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0}h")
            : duration.TotalSeconds % 60 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0}m")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s");
}
