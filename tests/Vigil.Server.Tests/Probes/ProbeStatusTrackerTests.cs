using Vigil.Model;
using Vigil.Server.Probes;

namespace Vigil.Server.Tests.Probes;

public sealed class ProbeStatusTrackerTests
{
    private const HealthStatus H = HealthStatus.Healthy;
    private const HealthStatus D = HealthStatus.Degraded;
    private const HealthStatus U = HealthStatus.Unhealthy;

    public static TheoryData<string, HealthStatus[], HealthStatus[]> Patterns => new()
    {
        // name, observed attempts, statuses after each (failure threshold 3, success threshold 2)
        { "first attempt healthy", [H], [H] },
        { "first attempt unhealthy", [U], [U] },
        { "first attempt degraded", [D], [D] },
        { "one blip", [H, U, H, H], [H, H, H, H] },
        { "two blips", [H, U, U, H], [H, H, H, H] },
        { "three failures flip", [H, U, U, U], [H, H, H, U] },
        { "failures must be in a row", [H, U, U, H, U, U, H], [H, H, H, H, H, H, H] },
        { "one success does not recover", [U, H, U, H], [U, U, U, U] },
        { "two successes recover", [U, H, H], [U, U, H] },
        { "degraded counts as a success", [U, D, H], [U, U, H] },
        { "recovers to the latest good status", [U, H, D], [U, U, D] },
        { "degraded follows at once while working", [H, D, H, D], [H, D, H, D] },
        { "degraded probe fails after threshold", [D, U, U, U], [D, D, D, U] },
        { "flapping every attempt never flips", [H, U, H, U, H, U, H, U], [H, H, H, H, H, H, H, H] },
        { "flapping down never recovers", [U, H, U, H, U, H], [U, U, U, U, U, U] },
        { "down, up, down again", [H, U, U, U, H, H, U, U, U], [H, H, H, U, U, H, H, H, U] },
        { "long outage then recovery", [H, U, U, U, U, U, U, H, H, H], [H, H, H, U, U, U, U, U, H, H] },
        { "recovery interrupted restarts the count", [U, H, U, H, H], [U, U, U, U, H] },
        { "failure count resets after flip up", [U, H, H, U, U, H, U], [U, U, H, H, H, H, H] },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Record_Pattern_FlipsOnlyAfterThresholds(string pattern, HealthStatus[] observed, HealthStatus[] expected)
    {
        // Arrange
        var tracker = new ProbeStatusTracker(failureThreshold: 3, successThreshold: 2);

        // Act
        var statuses = observed.Select(tracker.Record).ToArray();

        // Assert
        Assert.True(expected.SequenceEqual(statuses), $"{pattern}: expected {string.Join(",", expected)}, got {string.Join(",", statuses)}");
        Assert.Equal(expected[^1], tracker.Status);
    }

    [Fact]
    public void Record_ThresholdsOfOne_FollowEveryAttempt()
    {
        // Arrange
        var tracker = new ProbeStatusTracker(1, 1);
        HealthStatus[] observed = [H, U, H, D, U, U, D];

        // Act
        var statuses = observed.Select(tracker.Record).ToArray();

        // Assert
        Assert.Equal(observed, statuses);
    }

    [Fact]
    public void Status_BeforeFirstAttempt_IsNull()
    {
        // Act
        var tracker = new ProbeStatusTracker(3, 2);

        // Assert
        Assert.Null(tracker.Status);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 2)]
    public void Constructor_ThresholdBelowOne_Throws(int failures, int successes)
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProbeStatusTracker(failures, successes));
    }
}
