using Vigil.Model;

namespace Vigil.Storage.Tests.ErrorTracking;

public sealed class ErrorLifecycleTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnEvent_Unresolved_StaysUnchanged()
    {
        // Arrange
        var group = new ErrorGroup { Count = 2 };

        // Act
        var after = ErrorLifecycle.OnEvent(group, s_now, newRelease: true, s_now);

        // Assert
        Assert.Same(group, after);
    }

    [Fact]
    public void OnEvent_Resolved_ReopensAsRegression()
    {
        // Act
        var after = ErrorLifecycle.OnEvent(new ErrorGroup { Status = ErrorGroupStatus.Resolved }, s_now, newRelease: false, s_now);

        // Assert
        Assert.Equal(ErrorGroupStatus.Unresolved, after.Status);
        Assert.True(after.IsRegression);
        Assert.Equal(s_now, after.StatusChanged);
    }

    [Theory]
    [InlineData(-1, ErrorGroupStatus.Resolved)]
    [InlineData(0, ErrorGroupStatus.Resolved)]
    [InlineData(1, ErrorGroupStatus.Unresolved)]
    public void OnEvent_Resolved_OnlyAnEventAfterTheResolveReopens(int secondsAfter, ErrorGroupStatus expected)
    {
        // Arrange
        var group = new ErrorGroup { Status = ErrorGroupStatus.Resolved, StatusChanged = s_now };

        // Act
        var after = ErrorLifecycle.OnEvent(group, s_now.AddSeconds(secondsAfter), newRelease: false, s_now.AddMinutes(5));

        // Assert
        Assert.Equal(expected, after.Status);
        Assert.Equal(expected == ErrorGroupStatus.Unresolved, after.IsRegression);
    }

    [Theory]
    [InlineData(false, ErrorGroupStatus.Resolved)]
    [InlineData(true, ErrorGroupStatus.Unresolved)]
    public void OnEvent_ResolvedInNextRelease_ReopensOnlyForNewRelease(bool newRelease, ErrorGroupStatus expected)
    {
        // Arrange
        var group = new ErrorGroup { Status = ErrorGroupStatus.Resolved, ResolvedInNextRelease = true };

        // Act
        var after = ErrorLifecycle.OnEvent(group, s_now, newRelease, s_now);

        // Assert
        Assert.Equal(expected, after.Status);
        Assert.Equal(newRelease, after.IsRegression);
    }

    [Theory]
    [InlineData(4, 5, ErrorGroupStatus.Ignored)]
    [InlineData(5, 5, ErrorGroupStatus.Unresolved)]
    [InlineData(6, 5, ErrorGroupStatus.Unresolved)]
    public void OnEvent_IgnoredUntilCount_UnresolvesWhenCountReachesIt(long count, long until, ErrorGroupStatus expected)
    {
        // Arrange
        var group = new ErrorGroup { Status = ErrorGroupStatus.Ignored, Count = count, IgnoredUntilCount = until };

        // Act
        var after = ErrorLifecycle.OnEvent(group, s_now, newRelease: false, s_now);

        // Assert
        Assert.Equal(expected, after.Status);
        Assert.False(after.IsRegression);
    }

    [Theory]
    [InlineData(-1, ErrorGroupStatus.Ignored)]
    [InlineData(0, ErrorGroupStatus.Ignored)]
    [InlineData(1, ErrorGroupStatus.Unresolved)]
    public void OnEvent_IgnoredUntilTime_UnresolvesForEventAfterIt(int secondsAfter, ErrorGroupStatus expected)
    {
        // Arrange
        var group = new ErrorGroup { Status = ErrorGroupStatus.Ignored, IgnoredUntil = s_now };

        // Act
        var after = ErrorLifecycle.OnEvent(group, s_now.AddSeconds(secondsAfter), newRelease: false, s_now);

        // Assert
        Assert.Equal(expected, after.Status);
    }

    [Fact]
    public void OnChange_IgnoreForEvents_StoresCountPlusN()
    {
        // Act
        var after = ErrorLifecycle.OnChange(
            new ErrorGroup { Count = 7, IsRegression = true },
            new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreForEvents = 3 },
            s_now);

        // Assert
        Assert.Equal(10, after.IgnoredUntilCount);
        Assert.False(after.IsRegression);
        Assert.Equal(s_now, after.StatusChanged);
    }

    [Fact]
    public void OnChange_ResolveAfterIgnore_ClearsIgnoreLimits()
    {
        // Arrange
        var group = new ErrorGroup { Status = ErrorGroupStatus.Ignored, IgnoredUntil = s_now, IgnoredUntilCount = 9 };

        // Act
        var after = ErrorLifecycle.OnChange(group, new ErrorStatusChange { Status = ErrorGroupStatus.Resolved, InNextRelease = true }, s_now);

        // Assert
        Assert.Equal(ErrorGroupStatus.Resolved, after.Status);
        Assert.True(after.ResolvedInNextRelease);
        Assert.Null(after.IgnoredUntil);
        Assert.Null(after.IgnoredUntilCount);
    }

    [Fact]
    public void Validate_Null_ThrowsArgumentNullException()
    {
        // Act + Assert
        Assert.Throws<ArgumentNullException>(() => ErrorLifecycle.Validate(null!));
    }
}
