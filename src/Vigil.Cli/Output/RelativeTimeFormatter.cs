using System.Globalization;

namespace Vigil.Cli.Output;

/// <summary>Formats a moment for humans: relative (<c>3m ago</c>) or local (<c>14:03:07.125</c>).</summary>
internal static class RelativeTimeFormatter
{
    /// <summary>How long ago <paramref name="moment"/> was, measured at <paramref name="now"/>.</summary>
    public static string Relative(DateTimeOffset moment, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        var age = now - moment;
        if (age < TimeSpan.Zero)
        {
            // Clocks on different machines drift; a record a little "in the future" is still new.
            return "just now";
        }

        return age switch
        {
            { TotalSeconds: < 1 } => "just now",
            { TotalMinutes: < 1 } => ((int)age.TotalSeconds).ToString(c) + "s ago",
            { TotalHours: < 1 } => ((int)age.TotalMinutes).ToString(c) + "m ago",
            { TotalDays: < 1 } => ((int)age.TotalHours).ToString(c) + "h ago",
            _ => ((int)age.TotalDays).ToString(c) + "d ago",
        };
    }

    /// <summary><paramref name="moment"/> in the clock's local time zone, with milliseconds.</summary>
    public static string Local(DateTimeOffset moment, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(moment, clock.LocalTimeZone);
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).Date;
        var format = local.Date == today ? "HH:mm:ss.fff" : "yyyy-MM-dd HH:mm:ss.fff";
        return local.ToString(format, CultureInfo.InvariantCulture);
    }
}
