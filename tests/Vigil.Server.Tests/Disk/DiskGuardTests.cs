using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Model;
using Vigil.Server.Disk;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Disk;

/// <summary>
/// The disk guard's decisions on a real SQLite store, with the disk's free space set by the test: room above the
/// floor accepts; below it, the oldest data goes first when that can make room; otherwise ingest is refused, and
/// accepted again when space returns. The second source for what was deleted is the store's own query.
/// </summary>
public sealed class DiskGuardTests : IAsyncLifetime, IDisposable
{
    private const long Total = 100L << 20;
    private const long Floor = 4L << 20;

    private readonly TempDirectory _directory = new();
    private ITelemetryStore _store = null!;

    public Task InitializeAsync()
    {
        _store = SqliteTelemetryStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CheckAsync_RoomAboveFloor_AcceptsAndDeletesNothing()
    {
        // Arrange
        await WriteAsync(batches: 3, age: TimeSpan.FromDays(2));
        var guard = Guard(new SettableDiskSpace(Floor + 1, Total));

        // Act
        var check = await guard.CheckAsync(CancellationToken.None);

        // Assert
        Assert.False(check.Refusing);
        Assert.Null(guard.Refusal);
        Assert.Null(guard.LastDrop);
        Assert.Equal(600, await CountLogsAsync());
    }

    [Fact]
    public async Task CheckAsync_BelowFloorAndTheStoreCanMakeRoom_DropsTheOldestAndAccepts()
    {
        // Arrange: old records, then new ones; the disk is short of the floor by a third of the pages the store uses.
        await WriteAsync(batches: 6, age: TimeSpan.FromDays(2));
        await WriteAsync(batches: 3, age: TimeSpan.Zero);
        var before = await Usage.ReadSpaceAsync();
        var space = new SettableDiskSpace(Floor - ((before.UsedBytes - before.WalBytes) / 3), Total);
        var guard = Guard(space, floor: Floor);

        // Act
        var check = await guard.CheckAsync(CancellationToken.None);

        // Assert: the freed pages are room, ingest goes on, and what went is the oldest (the store's own query).
        Assert.False(check.Refusing, $"room {check.RoomBytes}, floor {check.FloorBytes}, before {before}, store {check.Store}, drop {guard.LastDrop}");
        Assert.NotNull(guard.LastDrop);
        Assert.True(check.RoomBytes >= Floor);
        var left = await _store.QueryLogsAsync(new LogQuery { Limit = 10_000 });
        Assert.Equal(1800 - guard.LastDrop.Result.LogsDeleted, left.Count);
        Assert.InRange(guard.LastDrop.Result.LogsDeleted, 1, 1200);
        Assert.Equal(600, left.Count(l => l.Timestamp > DateTimeOffset.UtcNow.AddDays(-1)));
    }

    [Fact]
    public async Task CheckAsync_ShortfallLargerThanTheStore_RefusesAndDeletesNothing()
    {
        // Arrange: something else filled the disk; deleting every record would not get back above the floor.
        await WriteAsync(batches: 3, age: TimeSpan.FromDays(2));
        var guard = Guard(new SettableDiskSpace(1L << 20, Total));

        // Act
        var check = await guard.CheckAsync(CancellationToken.None);

        // Assert
        Assert.True(check.Refusing);
        Assert.Null(guard.LastDrop);
        Assert.Equal(600, await CountLogsAsync());
        Assert.Contains("1 MiB free, below the floor of 4 MiB", guard.Refusal, StringComparison.Ordinal);
        Assert.Contains("DiskGuard", guard.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_DropOldestOff_RefusesAndDeletesNothing()
    {
        // Arrange
        await WriteAsync(batches: 6, age: TimeSpan.FromDays(2));
        var used = (await Usage.ReadSpaceAsync()).UsedBytes;
        var guard = Guard(new SettableDiskSpace(Floor - (used / 3), Total), dropOldest: false);

        // Act
        var check = await guard.CheckAsync(CancellationToken.None);

        // Assert
        Assert.True(check.Refusing);
        Assert.Equal(1200, await CountLogsAsync());
    }

    [Fact]
    public async Task CheckAsync_SpaceReturns_AcceptsAgain()
    {
        // Arrange: refusing.
        var space = new SettableDiskSpace(1L << 20, Total);
        var guard = Guard(space);
        Assert.True((await guard.CheckAsync(CancellationToken.None)).Refusing);

        // Act: a filler file deleted.
        space.AvailableBytes = 50L << 20;
        var check = await guard.CheckAsync(CancellationToken.None);

        // Assert
        Assert.False(check.Refusing);
        Assert.Null(guard.Refusal);
        Assert.Equal(50L << 20, check.Disk.AvailableBytes);
    }

    [Theory]
    [InlineData(null, null, 1L << 40, 1L << 30)] // defaults on a 1 TiB disk: 1 GiB is smaller than 5 %
    [InlineData(null, null, 10L << 30, 512L << 20)] // defaults on a 10 GiB disk: 5 % is 512 MiB
    [InlineData(100L << 20, null, 1L << 40, 100L << 20)] // only bytes set: that alone
    [InlineData(null, 10.0, 1L << 40, (1L << 40) / 10)] // only a percentage set: that alone
    [InlineData(1L << 20, 50.0, 100L << 20, 1L << 20)] // both: the smaller
    [InlineData(0L, null, 100L << 20, 0L)] // a floor of zero never refuses
    public void FloorBytes_Limits_IsTheSmallerOfThoseSet(long? bytes, double? percent, long total, long expected)
    {
        var options = new DiskGuardOptions { MinFreeBytes = bytes, MinFreePercent = percent };
        Assert.Equal(expected, options.FloorBytes(total));
    }

    private IStoreUsageReader Usage => (IStoreUsageReader)_store;

    private DiskGuard Guard(IDiskSpace space, long floor = Floor, bool dropOldest = true) =>
        new(new DiskGuardOptions { MinFreeBytes = floor, DropOldest = dropOldest }, space, Usage, _store, TimeProvider.System, NullLogger<DiskGuard>.Instance);

    private async Task<int> CountLogsAsync() => (await _store.QueryLogsAsync(new LogQuery { Limit = 10_000 })).Count;

    // Records that take their length in space however they are stored; each write is one block per service.
    private async Task WriteAsync(int batches, TimeSpan age)
    {
        for (var batch = 0; batch < batches; batch++)
        {
            var now = DateTimeOffset.UtcNow - age;
            await _store.WriteAsync(new TelemetryBatch
            {
                Logs = [.. Enumerable.Range(0, 200).Select(i => Api.Seed.Log(Convert.ToHexString(RandomNumberGenerator.GetBytes(200))) with { Timestamp = now.AddMilliseconds(i) })],
            });
        }
    }
}
