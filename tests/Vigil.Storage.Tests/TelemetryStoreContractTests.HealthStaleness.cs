using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>A check that stopped reporting is stale, by the store's clock; one silent for a day is forgotten.</summary>
public abstract partial class TelemetryStoreContractTests
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, false)]
    [InlineData(90 * TimeSpan.TicksPerSecond, false)]
    [InlineData((90 * TimeSpan.TicksPerSecond) + 1, true)]
    [InlineData(TimeSpan.TicksPerHour, true)]
    public async Task QueryHealthAsync_LatestResultAged_StaleAfterThreeIntervals(long ageTicks, bool stale)
    {
        // Arrange
        await Store.WriteAsync(new TelemetryBatch { HealthResults = [Probe("api", HealthStatus.Healthy, Some.BaseTime, interval: s_interval)] });
        Clock.Pinned = Some.BaseTime.AddTicks(ageTicks);

        // Act
        var states = await Store.QueryHealthAsync(new HealthQuery());

        // Assert: the last status reported is kept; the state counts as unhealthy once stale.
        var state = Assert.Single(states);
        Assert.Equal(stale, state.IsStale);
        Assert.Equal(HealthStatus.Healthy, state.Latest.Status);
        Assert.Equal(stale ? HealthStatus.Unhealthy : HealthStatus.Healthy, state.Status);
        Assert.Equal(stale ? HealthStatus.Unhealthy : HealthStatus.Healthy, HealthState.Worst(states));
    }

    [Fact]
    public async Task QueryHealthAsync_NoInterval_NeverStaleByTheRule()
    {
        // Arrange: another SDK's check, silent for almost a day.
        await WriteLogsAsync(HealthRecord("checkout", [new(HealthLogRecord.Name, "db"), new(HealthLogRecord.Status, "degraded")]));
        Clock.Pinned = Some.BaseTime + HealthStaleness.ForgetAfter;

        // Act
        var state = Assert.Single(await Store.QueryHealthAsync(new HealthQuery()));

        // Assert
        Assert.Null(state.Latest.Interval);
        Assert.False(state.IsStale);
        Assert.Equal(HealthStatus.Degraded, state.Status);
    }

    [Fact]
    public async Task QueryHealthAsync_StaleAfter_ReplacesTheRuleForEveryState()
    {
        // Arrange: at +60 s, "api" (every 30 s) is not stale by its rule; "db" has no interval.
        await Store.WriteAsync(new TelemetryBatch
        {
            HealthResults = [Probe("api", HealthStatus.Healthy, Some.BaseTime, interval: s_interval), Probe("db", HealthStatus.Healthy, Some.BaseTime)],
        });
        Clock.Pinned = Some.BaseTime.AddSeconds(60);

        // Act
        var byRule = await Store.QueryHealthAsync(new HealthQuery());
        var strict = await Store.QueryHealthAsync(new HealthQuery { StaleAfter = TimeSpan.FromSeconds(59) });
        var lenient = await Store.QueryHealthAsync(new HealthQuery { StaleAfter = TimeSpan.FromSeconds(60) });

        // Assert
        Assert.Equal([false, false], byRule.Select(s => s.IsStale));
        Assert.Equal([true, true], strict.Select(s => s.IsStale));
        Assert.Equal([false, false], lenient.Select(s => s.IsStale));
    }

    [Fact]
    public async Task QueryHealthAsync_NoResultForADay_ForgottenUntilItReportsAgain()
    {
        // Arrange
        await Store.WriteAsync(new TelemetryBatch
        {
            HealthResults = [Probe("gone", HealthStatus.Healthy, Some.BaseTime, interval: s_interval), Probe("alive", HealthStatus.Healthy, Some.BaseTime.AddHours(1), interval: s_interval)],
        });

        // Act
        Clock.Pinned = Some.BaseTime + HealthStaleness.ForgetAfter;
        var atTheLimit = await Store.QueryHealthAsync(new HealthQuery());
        Clock.Pinned = Some.BaseTime + HealthStaleness.ForgetAfter + TimeSpan.FromTicks(1);
        var past = await Store.QueryHealthAsync(new HealthQuery());
        var probes = await Store.QueryHealthAsync(new HealthQuery { Kind = HealthSourceKind.Probe, StaleAfter = TimeSpan.FromDays(2) });
        await Store.WriteAsync(new TelemetryBatch { HealthResults = [Probe("gone", HealthStatus.Degraded, Clock.GetUtcNow(), interval: s_interval)] });
        var back = await Store.QueryHealthAsync(new HealthQuery());

        // Assert: forgetting is not staleness, so a lenient StaleAfter does not bring it back; a new result does.
        Assert.Equal(["alive", "gone"], atTheLimit.Select(s => s.Latest.Name));
        Assert.True(atTheLimit[1].IsStale);
        Assert.Equal(["alive"], past.Select(s => s.Latest.Name));
        Assert.Equal(["alive"], probes.Select(s => s.Latest.Name));
        Assert.Equal(["alive", "gone"], back.Select(s => s.Latest.Name));
        Assert.Equal(HealthStatus.Degraded, back[1].Status);
        Assert.False(back[1].IsStale);
    }

    [Theory]
    [InlineData(15_000L, 15_000L)]
    [InlineData(0L, null)]
    [InlineData(-30_000L, null)]
    public async Task WriteAsync_ProbeInterval_RoundTripsAndNoPositiveIntervalIsNone(long intervalMs, long? expectedMs)
    {
        // Act
        await Store.WriteAsync(new TelemetryBatch { HealthResults = [Probe("api", HealthStatus.Healthy, Some.BaseTime, interval: TimeSpan.FromMilliseconds(intervalMs))] });

        // Assert
        Assert.Equal(expectedMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, Assert.Single(await QueryHealthAsync(new HealthQuery())).Latest.Interval);
    }

    [Fact]
    public async Task WriteAsync_HealthRecordInterval_IsTheResultsInterval()
    {
        // Arrange
        var record = HealthRecord("checkout", [new(HealthLogRecord.Name, "db"), new(HealthLogRecord.Status, "healthy"), new(HealthLogRecord.IntervalMilliseconds, 2500.5)]);

        // Act
        await WriteLogsAsync(record);

        // Assert
        Assert.Equal(TimeSpan.FromMilliseconds(2500.5), Assert.Single(await QueryHealthAsync(new HealthQuery())).Latest.Interval);
    }

    public static TheoryData<object?> HostileIntervals => new()
    {
        double.NaN,
        double.PositiveInfinity,
        double.NegativeInfinity,
        -30_000.0,
        0.0,
        0L,
        1e300,
        366d * 24 * 60 * 60 * 1000,
        long.MaxValue,
        "30000",
        true,
        null,
        new object?[] { 30_000.0 },
    };

    [Theory]
    [MemberData(nameof(HostileIntervals))]
    public async Task WriteAsync_HostileHealthRecordInterval_IsUnknownAndTheResultStays(object? interval)
    {
        // Arrange
        var record = HealthRecord("checkout", [new(HealthLogRecord.Name, "db"), new(HealthLogRecord.Status, "healthy"), new(HealthLogRecord.IntervalMilliseconds, interval)]);

        // Act
        await WriteLogsAsync(record);

        // Assert
        var state = Assert.Single(await QueryHealthAsync(new HealthQuery()));
        Assert.Null(state.Latest.Interval);
        Assert.False(state.IsStale);
    }
}
