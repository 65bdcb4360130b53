using System.Globalization;

namespace Vigil.Cli.Output;

/// <summary>Formats spans of time compactly for humans: <c>850µs</c>, <c>12.3ms</c>, <c>1.25s</c>, <c>3m</c>.</summary>
internal static class DurationFormatter
{
    /// <summary>A compact form of <paramref name="duration"/>.</summary>
    public static string Format(TimeSpan duration)
    {
        var c = CultureInfo.InvariantCulture;
        var ticks = duration.Ticks;
        if (ticks < 0)
        {
            return "-" + Format(duration.Negate());
        }

        if (ticks < TimeSpan.TicksPerMillisecond)
        {
            return (ticks / 10.0).ToString("0.#", c) + "µs";
        }

        if (ticks < TimeSpan.TicksPerSecond)
        {
            return duration.TotalMilliseconds.ToString(duration.TotalMilliseconds < 10 ? "0.##" : "0.#", c) + "ms";
        }

        if (ticks < TimeSpan.TicksPerMinute)
        {
            return duration.TotalSeconds.ToString("0.##", c) + "s";
        }

        if (ticks < TimeSpan.TicksPerHour)
        {
            return Whole(duration.TotalMinutes, "m", duration.Seconds, "s");
        }

        if (ticks < TimeSpan.TicksPerDay)
        {
            return Whole(duration.TotalHours, "h", duration.Minutes, "m");
        }

        return Whole(duration.TotalDays, "d", duration.Hours, "h");
    }

    private static string Whole(double major, string majorUnit, int minor, string minorUnit)
    {
        var c = CultureInfo.InvariantCulture;
        var text = ((long)major).ToString(c) + majorUnit;
        return minor == 0 ? text : text + minor.ToString(c) + minorUnit;
    }
}
