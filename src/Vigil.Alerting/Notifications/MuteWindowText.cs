using System.Globalization;
using Vigil.Alerting.Notifications.Routing;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>Reads a mute window's days, times and time zone.</summary>
internal static class MuteWindowText
{
    private const string DaysAllowed = "a day (monday ... sunday), a range of days (monday-friday), weekdays or weekends";

    private static readonly string[] s_dayNames = Enum.GetNames<DayOfWeek>();

    private const string TimesAllowed = "a range HH:MM-HH:MM within one day, end after start (00:00-06:00, 22:00-24:00)";

    public static MuteWindow? Compile(MuteWindowOptions window, string path, List<ConfigurationProblem> problems)
    {
        var before = problems.Count;
        var days = new HashSet<DayOfWeek>();
        for (var i = 0; i < window.Days.Count; i++)
        {
            if (!TryDays(window.Days[i] ?? string.Empty, days))
            {
                problems.Add(new($"{path}:Days:{i}", $"{NotificationSettingsCompiler.Show(window.Days[i])} is not allowed: {DaysAllowed}"));
            }
        }

        if (window.Days.Count == 0)
        {
            days.UnionWith(Enum.GetValues<DayOfWeek>());
        }

        var times = new List<(TimeSpan, TimeSpan)>();
        for (var i = 0; i < window.Times.Count; i++)
        {
            if (TryTimes(window.Times[i] ?? string.Empty, out var range))
            {
                times.Add(range);
            }
            else
            {
                problems.Add(new($"{path}:Times:{i}", $"{NotificationSettingsCompiler.Show(window.Times[i])} is not allowed: {TimesAllowed}"));
            }
        }

        var zone = TimeZoneInfo.Utc;
        if (window.TimeZone is { } name && !TryZone(name, out zone))
        {
            problems.Add(new($"{path}:TimeZone", $"{NotificationSettingsCompiler.Show(name)} is not a time zone this machine knows: an IANA name such as Europe/Paris, or UTC"));
        }

        return problems.Count > before || window.Name is null ? null : new MuteWindow(window.Name, days, times, zone);
    }

    private static bool TryDays(string text, HashSet<DayOfWeek> days)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        switch (trimmed)
        {
            case "weekdays":
                days.UnionWith([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
                return true;
            case "weekends":
                days.UnionWith([DayOfWeek.Saturday, DayOfWeek.Sunday]);
                return true;
        }

        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? trimmed : trimmed[..dash];
        var last = dash < 0 ? trimmed : trimmed[(dash + 1)..];
        if (!TryDay(first, out var from) || !TryDay(last, out var to))
        {
            return false;
        }

        // Monday-based, so monday-sunday is the whole week and saturday-sunday the weekend; a range may wrap (friday-monday).
        var day = (int)from;
        while (true)
        {
            days.Add((DayOfWeek)day);
            if (day == (int)to)
            {
                return true;
            }

            day = (day + 1) % 7;
        }
    }

    private static bool TryDay(string text, out DayOfWeek day)
    {
        // Names only: Enum.TryParse would also take numbers and comma lists.
        var index = Array.FindIndex(s_dayNames, n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        day = (DayOfWeek)Math.Max(index, 0);
        return index >= 0;
    }

    private static bool TryTimes(string text, out (TimeSpan Start, TimeSpan End) range)
    {
        range = default;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryTime(parts[0], out var start) || !TryTime(parts[1], out var end) || end <= start)
        {
            return false;
        }

        range = (start, end);
        return true;
    }

    private static bool TryTime(string text, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        if (text is "24:00")
        {
            time = TimeSpan.FromDays(1);
            return true;
        }

        return text.Length == 5 && TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out time);
    }

    private static bool TryZone(string name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (name.Length is 0 or > 64)
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(name);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
