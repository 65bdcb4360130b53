using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite engine's <see cref="IStoreUsageReader.ReadSpaceAsync"/> against the second source, the files on disk, and
/// what retention leaves: free pages inside the file, which the disk's free space does not show.
/// </summary>
public sealed class SqliteStoreUsageTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-usage-").FullName;

    private string StorePath => Path.Combine(_directory, "vigil.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ReadSpaceAsync_AfterWrites_IsTheFilesOnDisk()
    {
        // Arrange
        await using var store = SqliteTelemetryStore.Open(StorePath, TelemetryStoreOptions.Writer);
        await WriteAsync(store, batches: 5, age: TimeSpan.Zero);
        var reader = Assert.IsAssignableFrom<IStoreUsageReader>(store);

        // Act
        var space = await reader.ReadSpaceAsync();

        // Assert: the database file and its -wal file, as the file system measures them.
        Assert.Equal(new FileInfo(StorePath).Length + new FileInfo(StorePath + "-wal").Length, space.FileBytes);
        Assert.Equal(new FileInfo(StorePath + "-wal").Length, space.WalBytes);
        Assert.True(space.WalBytes > 0, "the writes left pages in the -wal file");
    }

    [Fact]
    public async Task ReadSpaceAsync_AfterRetentionDeletes_TheFreedPagesAreReusable()
    {
        // Arrange: old and new records; retention deletes the old ones.
        await using var store = SqliteTelemetryStore.Open(StorePath, TelemetryStoreOptions.Writer);
        await WriteAsync(store, batches: 5, age: TimeSpan.FromDays(3));
        await WriteAsync(store, batches: 1, age: TimeSpan.Zero);
        var reader = Assert.IsAssignableFrom<IStoreUsageReader>(store);
        var before = await reader.ReadSpaceAsync();

        // Act
        var result = await store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) });
        var after = await reader.ReadSpaceAsync();

        // Assert: the file did not shrink (SQLite keeps the pages), what it holds did, and the difference is reusable.
        Assert.Equal(1000, result.LogsDeleted);
        Assert.Equal(new FileInfo(StorePath).Length, after.FileBytes - after.WalBytes);
        Assert.Equal(result.UsedBytesAfter, after.UsedBytes);
        Assert.True(after.ReusableBytes > before.ReusableBytes + 300_000, $"reusable {before.ReusableBytes} → {after.ReusableBytes}");
    }

    private static async Task WriteAsync(ITelemetryStore store, int batches, TimeSpan age)
    {
        for (var batch = 0; batch < batches; batch++)
        {
            var seed = (int)age.TotalDays * 10_000 + (batch * 200);
            await store.WriteAsync(new TelemetryBatch
            {
                Logs = [.. Enumerable.Range(0, 200).Select(i => Some.Log(Some.Filler(seed + i, 400), time: DateTimeOffset.UtcNow - age))],
            });
        }
    }
}
