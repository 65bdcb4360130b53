using Vigil.Model;
using Vigil.Storage.Tests.Grouping;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Error tracking: triage status, regressions and ignore limits.</summary>
public abstract partial class TelemetryStoreContractTests
{
    private static readonly ErrorStatusChange s_resolve = new() { Status = ErrorGroupStatus.Resolved };

    /// <summary>Writes one occurrence of the same bug each call (one group), as a log record without a trace.</summary>
    protected async Task<ErrorGroup> WriteFailureAsync(string? release = null, DateTimeOffset? time = null)
    {
        await WriteLogsAsync(SomeErrors.Log(SomeErrors.Thrown(() => ThrowSite.Fail(1)), time, release: release));
        return Assert.Single(await GroupsAsync());
    }

    /// <summary>The life-cycle fields (records holding lists do not compare by value).</summary>
    private static object Triage(ErrorGroup group) => (group.Status, group.StatusChanged, group.IsRegression,
        group.ResolvedInNextRelease, group.IgnoredUntil, group.IgnoredUntilCount, group.Count);

    [Fact]
    public async Task UpdateErrorGroupStatusAsync_Resolve_SetsStatusAndChangeTime()
    {
        // Arrange
        var group = await WriteFailureAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        // Act
        var resolved = await Store.UpdateErrorGroupStatusAsync(group.Id, s_resolve);

        // Assert
        Assert.Equal(ErrorGroupStatus.Resolved, resolved!.Status);
        Assert.InRange(resolved.StatusChanged!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(Triage(resolved), Triage(Assert.Single(await GroupsAsync())));
    }

    [Fact]
    public async Task WriteAsync_EventInResolvedGroup_ReopensAsRegression()
    {
        // Arrange
        var group = await WriteFailureAsync();
        await Store.UpdateErrorGroupStatusAsync(group.Id, s_resolve);

        // Act
        var reopened = await WriteFailureAsync();

        // Assert
        Assert.Equal(ErrorGroupStatus.Unresolved, reopened.Status);
        Assert.True(reopened.IsRegression);
        Assert.Equal(2, reopened.Count);
        Assert.Equal(group.Id, reopened.Id);
    }

    [Fact]
    public async Task UpdateErrorGroupStatusAsync_ReopenRegression_ClearsRegression()
    {
        // Arrange
        var group = await WriteFailureAsync();
        await Store.UpdateErrorGroupStatusAsync(group.Id, s_resolve);
        await WriteFailureAsync();

        // Act
        var reopened = await Store.UpdateErrorGroupStatusAsync(group.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Unresolved });

        // Assert
        Assert.Equal(ErrorGroupStatus.Unresolved, reopened!.Status);
        Assert.False(reopened.IsRegression);
    }

    [Fact]
    public async Task WriteAsync_ResolvedInNextReleaseThenSameRelease_StaysResolved()
    {
        // Arrange
        var group = await WriteFailureAsync("1.0.0");
        await WriteFailureAsync("1.1.0");
        await Store.UpdateErrorGroupStatusAsync(group.Id, s_resolve with { InNextRelease = true });

        // Act: the releases seen before the fix, and an event with no release, still fail.
        await WriteFailureAsync("1.0.0");
        await WriteFailureAsync("1.1.0");
        var after = await WriteFailureAsync(null);

        // Assert
        Assert.Equal(ErrorGroupStatus.Resolved, after.Status);
        Assert.True(after.ResolvedInNextRelease);
        Assert.False(after.IsRegression);
        Assert.Equal(5, after.Count);
    }

    [Fact]
    public async Task WriteAsync_ResolvedInNextReleaseThenNewRelease_ReopensAsRegression()
    {
        // Arrange
        var group = await WriteFailureAsync("1.0.0");
        await Store.UpdateErrorGroupStatusAsync(group.Id, s_resolve with { InNextRelease = true });

        // Act
        var after = await WriteFailureAsync("1.2.0");

        // Assert
        Assert.Equal(ErrorGroupStatus.Unresolved, after.Status);
        Assert.True(after.IsRegression);
        Assert.False(after.ResolvedInNextRelease);
        Assert.Equal(["1.0.0", "1.2.0"], after.Releases);
    }

    [Fact]
    public async Task WriteAsync_IgnoredForThreeEvents_UnresolvesOnTheThirdWithoutRegression()
    {
        // Arrange
        var group = await WriteFailureAsync();
        var ignored = await Store.UpdateErrorGroupStatusAsync(group.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreForEvents = 3 });
        Assert.Equal(4, ignored!.IgnoredUntilCount);

        // Act
        await WriteFailureAsync();
        var second = await WriteFailureAsync();
        var third = await WriteFailureAsync();

        // Assert
        Assert.Equal(ErrorGroupStatus.Ignored, second.Status);
        Assert.Equal(ErrorGroupStatus.Unresolved, third.Status);
        Assert.False(third.IsRegression);
        Assert.Null(third.IgnoredUntilCount);
    }

    [Fact]
    public async Task WriteAsync_IgnoredUntilTime_UnresolvesOnlyForLaterEvent()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var group = await WriteFailureAsync(time: now.AddHours(-2));
        await Store.UpdateErrorGroupStatusAsync(group.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreUntil = now.AddMinutes(-30) });

        // Act
        var early = await WriteFailureAsync(time: now.AddHours(-1));
        var late = await WriteFailureAsync(time: now);

        // Assert
        Assert.Equal(ErrorGroupStatus.Ignored, early.Status);
        Assert.Equal(ErrorGroupStatus.Unresolved, late.Status);
        Assert.False(late.IsRegression);
    }

    [Fact]
    public async Task WriteAsync_IgnoredForEver_StaysIgnored()
    {
        // Arrange
        var group = await WriteFailureAsync();
        await Store.UpdateErrorGroupStatusAsync(group.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Ignored });

        // Act
        await WriteFailureAsync();
        var after = await WriteFailureAsync();

        // Assert
        Assert.Equal(ErrorGroupStatus.Ignored, after.Status);
        Assert.Equal(3, after.Count);
    }

    [Fact]
    public async Task UpdateErrorGroupStatusAsync_IgnoreForHugeNumberOfEvents_SaturatesInsteadOfOverflowing()
    {
        // Arrange
        var group = await WriteFailureAsync();

        // Act
        var ignored = await Store.UpdateErrorGroupStatusAsync(group.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreForEvents = long.MaxValue });

        // Assert
        Assert.Equal(long.MaxValue, ignored!.IgnoredUntilCount);
        Assert.Equal(ErrorGroupStatus.Ignored, (await WriteFailureAsync()).Status);
    }

    [Theory]
    [InlineData(ErrorGroupStatus.Ignored, true, null)]
    [InlineData(ErrorGroupStatus.Resolved, false, 5L)]
    [InlineData(ErrorGroupStatus.Unresolved, false, 5L)]
    [InlineData(ErrorGroupStatus.Ignored, false, 0L)]
    [InlineData(ErrorGroupStatus.Ignored, false, -1L)]
    [InlineData((ErrorGroupStatus)7, false, null)]
    public async Task UpdateErrorGroupStatusAsync_InvalidChange_IsRefusedInWordsAndChangesNothing(ErrorGroupStatus status, bool inNextRelease, long? forEvents)
    {
        // Arrange
        var group = await WriteFailureAsync();

        // Act
        var exception = await Assert.ThrowsAsync<ChangeRefusedException>(() =>
            Store.UpdateErrorGroupStatusAsync(group.Id, new ErrorStatusChange { Status = status, InNextRelease = inNextRelease, IgnoreForEvents = forEvents }));

        // Assert
        Assert.DoesNotContain("(Parameter", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.ParamName);
        Assert.Equal(Triage(group), Triage(Assert.Single(await GroupsAsync())));
    }

    [Fact]
    public async Task UpdateErrorGroupStatusAsync_UnknownId_ReturnsNull()
    {
        // Arrange
        await WriteFailureAsync();

        // Act
        var result = await Store.UpdateErrorGroupStatusAsync(999_999, s_resolve);

        // Assert
        Assert.Null(result);
        Assert.Equal(ErrorGroupStatus.Unresolved, Assert.Single(await GroupsAsync()).Status);
    }

    [Theory]
    [InlineData(999_999L)]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public async Task GetErrorGroupAsync_UnknownId_ReturnsNull(long id)
    {
        // Arrange
        await WriteFailureAsync();

        // Act
        var result = await Store.GetErrorGroupAsync(id, 24, 10);

        // Assert
        Assert.Null(result);
    }
}
