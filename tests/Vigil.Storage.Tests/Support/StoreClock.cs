namespace Vigil.Storage.Tests.Support;

/// <summary>
/// The store's clock in the contract tests: the real time, unless a test pins it (health staleness,
/// error-group hours). Not a FakeTimeProvider, which stands still from the start: most contract tests
/// write records stamped with the real time and expect the store to see them as past.
/// </summary>
public sealed class StoreClock : TimeProvider
{
    /// <summary>The time the clock shows from now on; null for the real time.</summary>
    public DateTimeOffset? Pinned { get; set; }

    public override DateTimeOffset GetUtcNow() => Pinned ?? base.GetUtcNow();
}
