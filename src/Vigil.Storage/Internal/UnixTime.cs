namespace Vigil.Storage.Internal;

/// <summary>Times are stored as Unix nanoseconds, the unit OTLP uses, so range filters are integer compares.</summary>
internal static class UnixTime
{
    private const long NanosecondsPerTick = 100;

    public static long ToNanoseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * NanosecondsPerTick;

    /// <summary>A span of time in the same unit, for range arithmetic in SQL.</summary>
    public static long ToNanoseconds(TimeSpan duration) => duration.Ticks * NanosecondsPerTick;

    public static DateTimeOffset FromNanoseconds(long nanoseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (nanoseconds / NanosecondsPerTick), TimeSpan.Zero);
}
