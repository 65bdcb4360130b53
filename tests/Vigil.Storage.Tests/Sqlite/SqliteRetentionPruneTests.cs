using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// What the SQLite engine's retention prunes beyond records (resources nothing refers to) and how it counts and
/// truncates the -wal file. The second source is the file itself: row counts through a connection of the test's own,
/// and the -wal file's length on disk.
/// </summary>
public sealed class SqliteRetentionPruneTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-prune-").FullName;

    private string StorePath => Path.Combine(_directory, "vigil.db");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ApplyRetentionAsync_ServiceWithNothingLeft_ItsResourceIsPrunedAndComesBack()
    {
        // Arrange: service "gone" has only old records (a log and a span), "kept" has new ones.
        var now = DateTimeOffset.UtcNow;
        await using (var store = SqliteTelemetryStore.Open(StorePath, TelemetryStoreOptions.Writer))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("old", time: now.AddDays(-3), service: "gone")] });
            await store.WriteAsync(new TelemetryBatch
            {
                Logs = [Some.Log("new", time: now, service: "kept")],
                Spans = [Some.Span(1, 1, start: now.AddDays(-3)) with { Resource = Some.Resource("gone") }],
            });
            Assert.Equal(2, Count("resources"));

            // Act
            var result = await store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) });

            // Assert: one resource fewer, and the one left is the kept service's.
            Assert.Equal(1, result.ResourcesDeleted);
            Assert.Equal(1, Count("resources"));
            Assert.Equal("kept", Scalar("SELECT service_name FROM resources"));

            // The service writes again: its resource is made anew, not looked up by a forgotten id.
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("back", time: now, service: "gone")] });
            var back = Assert.Single(await store.QueryLogsAsync(new LogQuery { Text = "back" }));
            Assert.Equal("gone", back.Resource.ServiceName);
            Assert.Equal(2, Count("resources"));
        }
    }

    [Fact]
    public async Task ApplyRetentionAsync_AfterWrites_TruncatesTheWalAndCountsIt()
    {
        // Arrange: enough writes that the -wal file holds pages.
        await using var store = SqliteTelemetryStore.Open(StorePath, TelemetryStoreOptions.Writer);
        for (var batch = 0; batch < 5; batch++)
        {
            await store.WriteAsync(new TelemetryBatch
            {
                Logs = Enumerable.Range(0, 200).Select(i => Some.Log(Some.Filler((batch * 200) + i, 100), time: DateTimeOffset.UtcNow)).ToArray(),
            });
        }

        Assert.True(new FileInfo(StorePath + "-wal").Length > 0, "the writes left pages in the -wal file");

        // Act
        var result = await store.ApplyRetentionAsync(new RetentionOptions());

        // Assert: the file on disk is what the result says, and the used size is the pages plus it.
        Assert.Equal(0, new FileInfo(StorePath + "-wal").Length);
        Assert.Equal(0, result.WalBytesAfter);
        Assert.Equal(PageBytes(), result.UsedBytesAfter);
    }

    [Fact]
    public async Task ApplyRetentionAsync_ReaderHoldsTheWal_SizeLimitCountsItAndDoesNotEmptyTheStore()
    {
        // Arrange: a reader in an open read transaction keeps the checkpoint from truncating the -wal file.
        await using var store = SqliteTelemetryStore.Open(StorePath, TelemetryStoreOptions.Writer);
        await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("first", time: DateTimeOffset.UtcNow)] });
        using var reader = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        reader.Open();
        using var transaction = reader.BeginTransaction(deferred: true);
        using (var read = reader.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT count(*) FROM log_blocks;";
            read.ExecuteScalar();
        }

        for (var batch = 0; batch < 20; batch++)
        {
            await store.WriteAsync(new TelemetryBatch
            {
                Logs = Enumerable.Range(0, 100).Select(i => Some.Log(Some.Filler((batch * 100) + i, 200), time: DateTimeOffset.UtcNow)).ToArray(),
            });
        }

        var wal = new FileInfo(StorePath + "-wal").Length;
        Assert.True(wal > 0, "the -wal file holds the writes");

        // Act: a limit the -wal file alone is over.
        var result = await store.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = wal / 2 });

        // Assert: counted, and nothing deleted for it (deleting rows cannot shrink a -wal file a reader holds).
        Assert.True(result.WalBytesAfter >= wal, $"-wal {result.WalBytesAfter} counted, {wal} on disk before");
        Assert.Equal(0, result.LogsDeleted);
        Assert.Equal(2001, (await store.QueryLogsAsync(new LogQuery { Limit = 5000 })).Count);
    }

    private long Count(string table) => Convert.ToInt64(Scalar($"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);

    private long PageBytes() => Convert.ToInt64(
        Scalar("SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()"),
        CultureInfo.InvariantCulture);

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
