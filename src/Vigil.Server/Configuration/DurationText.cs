using System.Globalization;

using Vigil.Model.Text;

namespace Vigil.Server.Configuration;

/// <summary>Durations in configuration: the shared <see cref="DurationGrammar"/> (<c>500ms</c>, <c>30s</c>, <c>1h30m</c>, <c>1.5h</c>), from 1ms to a day.</summary>
internal static class DurationText
{
    /// <summary>What the error messages say is allowed: the shared grammar, within the server's range.</summary>
    public const string Allowed = DurationGrammar.Allowed + ", from 1ms to 24h";

    /// <summary>Reads a duration in the shared grammar; false for anything else, and for zero or more than a day.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        // Whole milliseconds: timers do not resolve finer, and a day is far past any sensible probe interval.
        if (!DurationGrammar.TryParse(text, out var parsed)
            || parsed < TimeSpan.FromMilliseconds(1)
            || parsed > TimeSpan.FromDays(1))
        {
            duration = TimeSpan.Zero;
            return false;
        }

        duration = TimeSpan.FromMilliseconds(Math.Round(parsed.TotalMilliseconds));
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
