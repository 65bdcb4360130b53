namespace Vigil.Alerting.Notifications.Routing;

/// <summary>A compiled mute window: days of the week and times of day in one time zone.</summary>
/// <param name="Name">The configured name.</param>
/// <param name="Days">The days it covers (all seven when the configuration names none).</param>
/// <param name="Times">The times of day, start included, end excluded (all day when the configuration names none).</param>
/// <param name="TimeZone">The zone the days and times are read in.</param>
internal sealed record MuteWindow(string Name, IReadOnlySet<DayOfWeek> Days, IReadOnlyList<(TimeSpan Start, TimeSpan End)> Times, TimeZoneInfo TimeZone)
{
    /// <summary>Whether <paramref name="now"/> falls in the window.</summary>
    public bool IsActive(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        if (!Days.Contains(local.DayOfWeek))
        {
            return false;
        }

        var time = local.TimeOfDay;
        return Times.Count == 0 || Times.Any(t => time >= t.Start && time < t.End);
    }
}
