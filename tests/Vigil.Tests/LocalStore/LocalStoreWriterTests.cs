using Vigil.LocalStore;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Tests.LocalStore;

public sealed class LocalStoreWriterTests
{
    [Fact]
    public async Task ApplyRetention_RecordsOlderThanMaxAge_AreDeletedAndNewOnesKept()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("retention.db");
        var writer = new LocalStoreWriter(path, new RetentionOptions { MaxAge = TimeSpan.FromHours(1) });
        writer.AddReference();
        writer.Write(new TelemetryBatch
        {
            Logs =
            [
                new LogEntry { Timestamp = DateTimeOffset.UtcNow.AddDays(-2), Body = "old", SeverityNumber = 9 },
                new LogEntry { Timestamp = DateTimeOffset.UtcNow, Body = "new", SeverityNumber = 9 },
            ],
        });

        var result = writer.ApplyRetention();
        writer.Dispose();

        Assert.NotNull(result);
        Assert.Equal(1, result.LogsDeleted);
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        Assert.Equal("new", Assert.Single(await store.QueryLogsAsync(new LogQuery())).Body);
    }

    [Fact]
    public void Write_StorePathIsADirectory_ThrowsStoreErrorNamingThePath()
    {
        using var directory = new TempDirectory();
        var writer = new LocalStoreWriter(directory.Path, new RetentionOptions());
        writer.AddReference();

        var error = Assert.ThrowsAny<StoreException>(() => writer.Write(new TelemetryBatch { Logs = [new LogEntry { Timestamp = DateTimeOffset.UtcNow, Body = "x" }] }));
        writer.Dispose();

        Assert.Contains(directory.Path, error.Message, StringComparison.Ordinal);
    }
}
