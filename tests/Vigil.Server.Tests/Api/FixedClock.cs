namespace Vigil.Server.Tests.Api;

/// <summary>A clock stopped at one instant, so relative times in queries are exact.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
