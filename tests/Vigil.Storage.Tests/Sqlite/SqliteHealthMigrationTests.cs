using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class SqliteHealthMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_VersionThreeFile_UpgradesAndRecordsHealth()
    {
        // Arrange: a file from before health results, with a log record that looks like a health check.
        var path = _directory.File("v3.db");
        var record = Some.Log("health check", attributes: [new(HealthLogRecord.Name, "db"), new(HealthLogRecord.Status, "healthy")]) with { EventName = "vigil.health.other" };
        await using (var old = SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 3))
        {
            await old.WriteAsync(new TelemetryBatch { Logs = [record] });
        }

        // Act
        await using var store = SqliteTelemetryStore.Open(path);
        var before = await store.QueryHealthAsync(new HealthQuery());
        await store.WriteAsync(new TelemetryBatch { Logs = [record with { EventName = HealthLogRecord.EventName }] });

        // Assert
        Assert.Empty(before);
        Assert.Equal("db", Assert.Single(await store.QueryHealthAsync(new HealthQuery())).Latest.Name);
        Assert.Equal(2, (await store.QueryLogsAsync(new LogQuery())).Count);
    }
}
