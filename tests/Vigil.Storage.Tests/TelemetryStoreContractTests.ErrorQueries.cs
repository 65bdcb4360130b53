using Vigil.Model;
using Vigil.Storage.Tests.Grouping;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Error tracking: listing filters, one group's history, and retention.</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task GetErrorGroupAsync_EventsOverHours_GivesZeroFilledHourlyCountsEndingNow()
    {
        // Arrange
        // The store's clock is pinned to the "now" the hours are counted from: unpinned, an hour
        // boundary passing between this line and the query would shift every bucket by one.
        var now = DateTimeOffset.UtcNow;
        Clock.Pinned = now;
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        await WriteLogsAsync(
            SomeErrors.Log(exception, hour.AddHours(-5).AddMinutes(1)),
            SomeErrors.Log(exception, hour.AddHours(-2).AddMinutes(1)),
            SomeErrors.Log(exception, hour.AddHours(-2).AddMinutes(59)),
            SomeErrors.Log(exception, hour.AddHours(-30)));
        var id = Assert.Single(await GroupsAsync()).Id;

        // Act
        var detail = await Store.GetErrorGroupAsync(id, hours: 6, latestEvents: 2);

        // Assert
        Assert.Equal(Enumerable.Range(0, 6).Select(i => hour.AddHours(i - 5)), detail!.HourlyCounts.Select(h => h.Hour));
        Assert.Equal([1L, 0, 0, 2, 0, 0], detail.HourlyCounts.Select(h => h.Count));
        Assert.Equal(4, detail.Group.Count);
        Assert.Equal([hour.AddHours(-2).AddMinutes(59), hour.AddHours(-2).AddMinutes(1)], detail.LatestEvents.Select(e => e.Timestamp));
        Assert.Equal(hour.AddHours(-30), detail.Group.FirstSeen);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public async Task GetErrorGroupAsync_SmallWindows_GiveThatManyEntries(int hours, int latestEvents)
    {
        // Arrange
        var group = await WriteFailureAsync();

        // Act
        var detail = await Store.GetErrorGroupAsync(group.Id, hours, latestEvents);

        // Assert
        Assert.Equal(hours, detail!.HourlyCounts.Count);
        Assert.Equal(latestEvents, detail.LatestEvents.Count);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, -1)]
    [InlineData(int.MaxValue, 10)]
    [InlineData(10, int.MaxValue)]
    public async Task GetErrorGroupAsync_OutOfRangeWindow_ThrowsArgumentOutOfRange(int hours, int latestEvents)
    {
        // Arrange
        var group = await WriteFailureAsync();

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetErrorGroupAsync(group.Id, hours, latestEvents));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task QueryErrorGroupsAsync_NonPositiveLimit_ThrowsArgumentOutOfRange(int limit)
    {
        // Act + Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GroupsAsync(new ErrorGroupQuery { Limit = limit }));
    }

    [Fact]
    public async Task QueryErrorGroupsAsync_Filters_MatchServiceTimeStatusAndSeverity()
    {
        // Arrange: three groups with distinct services, times and severities.
        var now = DateTimeOffset.UtcNow;
        await WriteSpansAsync(
            SomeErrors.Span("Shop.ValidationError", "bad", null, now.AddHours(-10), service: "web", span: 1),
            SomeErrors.Span("Shop.ValidationError", "bad", null, now.AddHours(-9), service: "worker", span: 2),
            SomeErrors.Span("Shop.DatabaseError", "down", null, now.AddHours(-5), service: "worker", span: 3),
            SomeErrors.Span("Shop.SecurityError", "forged", null, now.AddHours(-1), service: "api", span: 4));
        var all = await GroupsAsync();
        var security = all.Single(g => g.Type == "Shop.SecurityError");
        await Store.UpdateErrorGroupStatusAsync(security.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Ignored });

        // Act + Assert: newest activity first.
        Assert.Equal(["Shop.SecurityError", "Shop.DatabaseError", "Shop.ValidationError"], all.Select(g => g.Type));
        Assert.Equal(["web", "worker"], all.Single(g => g.Type == "Shop.ValidationError").Services);
        Assert.Equal(["Shop.DatabaseError", "Shop.ValidationError"], Types(await GroupsAsync(new() { ServiceName = "worker" })));
        Assert.Empty(await GroupsAsync(new() { ServiceName = "nobody" }));
        Assert.Equal(["Shop.SecurityError", "Shop.DatabaseError"], Types(await GroupsAsync(new() { From = now.AddHours(-6) })));
        Assert.Equal(["Shop.ValidationError"], Types(await GroupsAsync(new() { To = now.AddHours(-6) })));
        Assert.Equal(["Shop.ValidationError"], Types(await GroupsAsync(new() { From = now.AddHours(-9), To = now.AddHours(-6) })));
        Assert.Equal(["Shop.SecurityError"], Types(await GroupsAsync(new() { Status = ErrorGroupStatus.Ignored })));
        Assert.Empty(await GroupsAsync(new() { Status = ErrorGroupStatus.Resolved }));
        Assert.Equal(["Shop.SecurityError", "Shop.DatabaseError"], Types(await GroupsAsync(new() { MinimumSeverity = ErrorSeverity.High })));
        Assert.Equal(["Shop.DatabaseError"], Types(await GroupsAsync(new() { MinimumSeverity = ErrorSeverity.High, Status = ErrorGroupStatus.Unresolved })));
        Assert.Equal(["Shop.SecurityError"], Types(await GroupsAsync(new() { Limit = 1 })));
        Assert.Equal(["Shop.SecurityError", "Shop.DatabaseError"], Types(await GroupsAsync(new() { MinimumSeverity = ErrorSeverity.Medium, Limit = 2 })));
        Assert.Empty(await GroupsAsync(new() { From = now.AddHours(1), To = now.AddHours(-20) }));
    }

    [Fact]
    public async Task QueryErrorGroupsAsync_HostileServiceName_MatchesLiterally()
    {
        // Arrange
        await WriteSpansAsync(SomeErrors.Span("Shop.Oops", "x", null, service: "it's % _ \"quoted\""));

        // Act
        var exact = await GroupsAsync(new() { ServiceName = "it's % _ \"quoted\"" });
        var wildcard = await GroupsAsync(new() { ServiceName = "%" });
        var injection = await GroupsAsync(new() { ServiceName = "x' OR '1'='1" });

        // Assert
        Assert.Single(exact);
        Assert.Empty(wildcard);
        Assert.Empty(injection);
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxAge_DeletesOldErrorEventsAndHoursButKeepsGroups()
    {
        // Arrange
        var now = DateTimeOffset.UtcNow;
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        await WriteLogsAsync(
            SomeErrors.Log(exception, now.AddDays(-3)),
            SomeErrors.Log(exception, now.AddDays(-3).AddMinutes(1)),
            SomeErrors.Log(exception, now.AddDays(-2)),
            SomeErrors.Log(exception, now));
        var id = Assert.Single(await GroupsAsync()).Id;

        // Act
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1), ChunkSize = 2 });

        // Assert
        Assert.Equal(3, result.ErrorEventsDeleted);
        var detail = await Store.GetErrorGroupAsync(id, hours: 24 * 4, latestEvents: 10);
        Assert.Equal(now, Assert.Single(detail!.LatestEvents).Timestamp);
        Assert.Equal(1, detail.HourlyCounts.Sum(h => h.Count));
        Assert.Equal(4, detail.Group.Count);
        Assert.Equal(now.AddDays(-3), detail.Group.FirstSeen);
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxSize_CanDeleteErrorEvents()
    {
        // Arrange: old exception span events, so retention by size reaches the error events too.
        var old = DateTimeOffset.UtcNow.AddDays(-10);
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        await Store.WriteAsync(new TelemetryBatch { Spans = [.. Enumerable.Range(1, 50).Select(i => SomeErrors.Span(exception, old.AddSeconds(i), span: i))] });

        // Act: a size no store fits in deletes everything it can.
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = 1, ChunkSize = 10 });

        // Assert
        Assert.Equal(50, result.ErrorEventsDeleted);
        Assert.Equal(50, Assert.Single(await GroupsAsync()).Count);
    }

    private static string[] Types(IReadOnlyList<ErrorGroup> groups) => [.. groups.Select(g => g.Type)];
}
