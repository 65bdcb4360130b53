namespace Vigil.Cli.Tests.Support;

/// <summary>
/// A clock that stands still (UTC), so relative times in output are exact. Not a FakeTimeProvider:
/// its timers are real, so <c>--follow</c> and <c>health --watch</c> still poll (Task.Delay on this
/// clock), and a test may set it back as well as forward (<see cref="Now"/>).
/// </summary>
internal sealed class FixedClock : TimeProvider
{
    public FixedClock(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
