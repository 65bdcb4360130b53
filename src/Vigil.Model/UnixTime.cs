namespace Vigil.Model;

/// <summary>
/// The one conversion between times and Unix nanoseconds, the unit OTLP sends and the store keeps (so range
/// filters are integer compares). The server's OTLP mapping and the store both use it, so a time read from a request
/// is the time the store keeps.
/// </summary>
public static class UnixTime
{
    private const long NanosecondsPerTick = 100;

    // Unix nanoseconds in a long reach only from 1677 to 2262, while DateTimeOffset spans years 1 to 9999. A time
    // outside that range saturates rather than wrapping around: a query bound of 9999-12-31 then means "after
    // everything", not a negative number that matches (or excludes) every row.
    private const long MaxTicks = long.MaxValue / NanosecondsPerTick;
    private const long MinTicks = long.MinValue / NanosecondsPerTick;

    /// <summary>A time as Unix nanoseconds, saturated to <see cref="long.MinValue"/> or <see cref="long.MaxValue"/> outside 1677–2262.</summary>
    /// <param name="time">The time.</param>
    /// <returns>Nanoseconds since 1970-01-01T00:00:00Z.</returns>
    public static long ToNanoseconds(DateTimeOffset time) => Saturate(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);

    /// <summary>A span of time in the same unit, for range arithmetic in SQL; saturated like a time.</summary>
    /// <param name="duration">The span of time.</param>
    /// <returns>Nanoseconds.</returns>
    public static long ToNanoseconds(TimeSpan duration) => Saturate(duration.Ticks);

    /// <summary>A span of time stored in nanoseconds, to the 100 ns tick below.</summary>
    /// <param name="nanoseconds">Nanoseconds.</param>
    /// <returns>The span of time.</returns>
    public static TimeSpan DurationFromNanoseconds(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / NanosecondsPerTick);

    /// <summary>Unix nanoseconds as a UTC time, to the 100 ns tick below.</summary>
    /// <param name="nanoseconds">Nanoseconds since 1970-01-01T00:00:00Z.</param>
    /// <returns>The time.</returns>
    public static DateTimeOffset FromNanoseconds(long nanoseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (nanoseconds / NanosecondsPerTick), TimeSpan.Zero);

    /// <summary>
    /// OTLP's unsigned Unix nanoseconds as a UTC time. Past <see cref="long.MaxValue"/> (April 2262) the time saturates
    /// there, the latest time the store can keep, rather than becoming a later time the store would then cut anyway.
    /// </summary>
    /// <param name="nanoseconds">Nanoseconds since 1970-01-01T00:00:00Z.</param>
    /// <returns>The time.</returns>
    public static DateTimeOffset FromNanoseconds(ulong nanoseconds) =>
        FromNanoseconds(nanoseconds > long.MaxValue ? long.MaxValue : (long)nanoseconds);

    private static long Saturate(long ticks) => ticks switch
    {
        > MaxTicks => long.MaxValue,
        < MinTicks => long.MinValue,
        _ => ticks * NanosecondsPerTick,
    };
}
