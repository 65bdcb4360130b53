namespace Vigil.Model;

/// <summary>Hourly buckets of error counts: UTC, on the hour.</summary>
public static class ErrorHour
{
    /// <summary>The start of the hour <paramref name="time"/> falls in.</summary>
    public static DateTimeOffset Start(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>How much of its hour has passed at <paramref name="time"/>, 0 to 1.</summary>
    public static double Elapsed(DateTimeOffset time) =>
        (double)(time.UtcTicks % TimeSpan.TicksPerHour) / TimeSpan.TicksPerHour;
}
