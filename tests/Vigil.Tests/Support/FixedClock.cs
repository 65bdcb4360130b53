namespace Vigil.Tests.Support;

/// <summary>A clock that stands still, for a store that judges health staleness by its own time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
