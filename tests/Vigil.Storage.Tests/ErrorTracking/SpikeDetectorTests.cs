using Vigil.Model;

namespace Vigil.Storage.Tests.ErrorTracking;

public sealed class SpikeDetectorTests
{
    private static readonly TimeSpan s_longHistory = TimeSpan.FromDays(30);

    private static long[] Hours(long previous, long lastHour, long current)
    {
        var hours = new long[SpikeDetector.Hours];
        Array.Fill(hours, previous);
        hours[^2] = lastHour;
        hours[^1] = current;
        return hours;
    }

    [Fact]
    public void IsSpiking_BurstFromNothing_IsSpike()
    {
        // Act
        var spiking = SpikeDetector.IsSpiking(Hours(0, 0, 10), 0.5, s_longHistory, ErrorTrackingOptions.Default);

        // Assert
        Assert.True(spiking);
    }

    [Fact]
    public void IsSpiking_FewerThanMinimumEvents_IsNoSpike()
    {
        // Act: from 0 to 9 is a big factor, but too few events to matter.
        var spiking = SpikeDetector.IsSpiking(Hours(0, 0, 9), 0.5, s_longHistory, ErrorTrackingOptions.Default);

        // Assert
        Assert.False(spiking);
    }

    [Fact]
    public void IsSpiking_SteadyHighRate_IsNoSpike()
    {
        // Act
        var spiking = SpikeDetector.IsSpiking(Hours(100, 100, 120), 0.9, s_longHistory, ErrorTrackingOptions.Default);

        // Assert
        Assert.False(spiking);
    }

    [Theory]
    [InlineData(50, false)]
    [InlineData(51, true)]
    public void IsSpiking_AtTheFactor_NeedsToExceedIt(long current, bool expected)
    {
        // Arrange: an average of 10 an hour; 5x is 50 (the last full hour is weighted out at the end of the hour).
        var options = ErrorTrackingOptions.Default;

        // Act
        var spiking = SpikeDetector.IsSpiking(Hours(10, 10, current), 1.0, s_longHistory, options);

        // Assert
        Assert.Equal(expected, spiking);
    }

    [Fact]
    public void IsSpiking_BurstInPreviousHour_DecaysAsTheHourPasses()
    {
        // Arrange
        var hours = Hours(0, 40, 0);

        // Act
        var early = SpikeDetector.IsSpiking(hours, 0.1, s_longHistory, ErrorTrackingOptions.Default);
        var late = SpikeDetector.IsSpiking(hours, 0.9, s_longHistory, ErrorTrackingOptions.Default);

        // Assert
        Assert.True(early);
        Assert.False(late);
    }

    [Fact]
    public void IsSpiking_WrongNumberOfHours_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => SpikeDetector.IsSpiking([1, 2, 3], 0, s_longHistory, ErrorTrackingOptions.Default));
    }

    [Theory]
    [InlineData(ErrorSeverity.Low, ErrorSeverity.Medium)]
    [InlineData(ErrorSeverity.Medium, ErrorSeverity.High)]
    [InlineData(ErrorSeverity.High, ErrorSeverity.Critical)]
    [InlineData(ErrorSeverity.Critical, ErrorSeverity.Critical)]
    public void Raise_OneStep_CapsAtCritical(ErrorSeverity severity, ErrorSeverity expected)
    {
        // Act + Assert
        Assert.Equal(expected, SpikeDetector.Raise(severity));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    public void IsSpiking_GroupWithLessThanAnHourOfHistory_IsNoSpike(int historyMinutes)
    {
        // Act: a brand-new group bursting: there is no earlier rate to rise from.
        var spiking = SpikeDetector.IsSpiking(Hours(0, 0, 500), 0.5, TimeSpan.FromMinutes(historyMinutes), ErrorTrackingOptions.Default);

        // Assert
        Assert.False(spiking);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(24, true)]
    public void IsSpiking_YoungGroup_MeasuredAgainstItsOwnHoursNotAWholeDay(int historyHours, bool expected)
    {
        // Arrange: 3 hours of 10 an hour, then 40: 4x its own rate (no spike at 5x), but far over a day's average
        // that would count 21 hours it did not exist in.
        var hours = new long[SpikeDetector.Hours];
        hours[^4] = 10;
        hours[^3] = 10;
        hours[^2] = 10;
        hours[^1] = 40;

        // Act
        var spiking = SpikeDetector.IsSpiking(hours, 1.0, TimeSpan.FromHours(historyHours), ErrorTrackingOptions.Default);

        // Assert
        Assert.Equal(expected, spiking);
    }
}
