namespace Vigil.Storage.Internal;

/// <summary>Times are stored as Unix nanoseconds, the unit OTLP uses, so range filters are integer compares.</summary>
internal static class UnixTime
{
    private const long NanosecondsPerTick = 100;

    // Unix nanoseconds in a long reach only from 1677 to 2262, while DateTimeOffset spans years 1 to 9999. A time
    // outside that range saturates rather than wrapping around: a query bound of 9999-12-31 then means "after
    // everything", not a negative number that matches (or excludes) every row.
    private const long MaxTicks = long.MaxValue / NanosecondsPerTick;
    private const long MinTicks = long.MinValue / NanosecondsPerTick;

    public static long ToNanoseconds(DateTimeOffset time) => Saturate(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);

    /// <summary>A span of time in the same unit, for range arithmetic in SQL.</summary>
    public static long ToNanoseconds(TimeSpan duration) => Saturate(duration.Ticks);

    /// <summary>A span of time stored in nanoseconds.</summary>
    public static TimeSpan DurationFromNanoseconds(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);

    public static DateTimeOffset FromNanoseconds(long nanoseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (nanoseconds / NanosecondsPerTick), TimeSpan.Zero);

    private static long Saturate(long ticks) => ticks switch
    {
        > MaxTicks => long.MaxValue,
        < MinTicks => long.MinValue,
        _ => ticks * NanosecondsPerTick,
    };
}
