using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Health;

public sealed class HealthStalenessTests
{
    private static readonly DateTimeOffset s_now = Some.BaseTime;

    [Theory]
    [InlineData(0, false)]
    [InlineData(-90 * TimeSpan.TicksPerSecond, false)]
    [InlineData((90 * TimeSpan.TicksPerSecond) - 1, false)]
    [InlineData(90 * TimeSpan.TicksPerSecond, false)]
    [InlineData((90 * TimeSpan.TicksPerSecond) + 1, true)]
    [InlineData(TimeSpan.TicksPerDay * 365, true)]
    public void IsStale_AgeAgainstThreeIntervals_StaleOnlyPastThem(long ageTicks, bool stale)
    {
        // Arrange: negative age is a result from a clock ahead of the store's.
        var latest = Result(s_now.AddTicks(-ageTicks), TimeSpan.FromSeconds(30));

        // Act + Assert
        Assert.Equal(stale, HealthStaleness.IsStale(latest, s_now, staleAfter: null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void IsStale_UnknownOrNonPositiveInterval_NeverStale(long? intervalTicks)
    {
        // Arrange
        var latest = Result(s_now.AddYears(-5), intervalTicks is { } t ? TimeSpan.FromTicks(t) : null);

        // Act + Assert
        Assert.False(HealthStaleness.IsStale(latest, s_now, staleAfter: null));
    }

    [Fact]
    public void IsStale_IntervalSoLongThreeOverflow_NotStale()
    {
        // Arrange
        var latest = Result(DateTimeOffset.MinValue, TimeSpan.MaxValue);

        // Act + Assert
        Assert.False(HealthStaleness.IsStale(latest, DateTimeOffset.MaxValue, staleAfter: null));
    }

    [Theory]
    [InlineData(59, 60, false)]
    [InlineData(60, 60, false)]
    [InlineData(61, 60, true)]
    [InlineData(1, 0, true)]
    public void IsStale_StaleAfter_ReplacesTheRuleWithOrWithoutInterval(int ageSeconds, int staleAfterSeconds, bool stale)
    {
        // Arrange: by its 1-hour interval, none of these would be stale; one has no interval at all.
        var withInterval = Result(s_now.AddSeconds(-ageSeconds), TimeSpan.FromHours(1));
        var withoutInterval = withInterval with { Interval = null };

        // Act + Assert
        Assert.Equal(stale, HealthStaleness.IsStale(withInterval, s_now, TimeSpan.FromSeconds(staleAfterSeconds)));
        Assert.Equal(stale, HealthStaleness.IsStale(withoutInterval, s_now, TimeSpan.FromSeconds(staleAfterSeconds)));
    }

    [Fact]
    public void ForgetBefore_IsADayBeforeNow()
    {
        // Act + Assert
        Assert.Equal(TimeSpan.FromHours(24), HealthStaleness.ForgetAfter);
        Assert.Equal(s_now.AddDays(-1), HealthStaleness.ForgetBefore(s_now));
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, false, HealthStatus.Healthy)]
    [InlineData(HealthStatus.Healthy, true, HealthStatus.Unhealthy)]
    [InlineData(HealthStatus.Degraded, true, HealthStatus.Unhealthy)]
    [InlineData(HealthStatus.Degraded, false, HealthStatus.Degraded)]
    public void Worst_StaleState_CountsAsUnhealthy(HealthStatus last, bool stale, HealthStatus expected)
    {
        // Arrange
        var states = new[]
        {
            new HealthState { Latest = Result(s_now, null) },
            new HealthState { Latest = Result(s_now, null) with { Status = last }, IsStale = stale },
        };

        // Act + Assert
        Assert.Equal(expected, HealthState.Worst(states));
        Assert.Equal(expected, states[1].Status);
        Assert.Equal(last, states[1].Latest.Status);
    }

    private static HealthResult Result(DateTimeOffset time, TimeSpan? interval) => new()
    {
        Name = "api",
        Kind = HealthSourceKind.Probe,
        Status = HealthStatus.Healthy,
        Observed = HealthStatus.Healthy,
        Timestamp = time,
        Interval = interval,
    };
}
