using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Vigil.Model;
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
        var path = _directory.Combine("v3.db");
        var record = Some.Log("health check", attributes: [new(HealthLogRecord.Name, "db"), new(HealthLogRecord.Status, "healthy")]) with { EventName = "vigil.health.other" };
        await using (var old = SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 3))
        {
            await old.WriteAsync(new TelemetryBatch { Logs = [record] });
        }

        // Act: the store's clock near the record's time, so its health state is not forgotten.
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer with { Clock = new FakeTimeProvider(Some.BaseTime.AddHours(1)) });
        var before = await store.QueryHealthAsync(new HealthQuery());
        await store.WriteAsync(new TelemetryBatch { Logs = [record with { EventName = HealthLogRecord.EventName }] });

        // Assert
        Assert.Empty(before);
        Assert.Equal("db", Assert.Single(await store.QueryHealthAsync(new HealthQuery())).Latest.Name);
        Assert.Equal(2, (await store.QueryLogsAsync(new LogQuery())).Count);
    }

    [Fact]
    public async Task Open_VersionSixFileWithHealthResults_KeepsThemWithoutInterval()
    {
        // Arrange: a version 6 file holding a probe's result, written as that version wrote it (no interval column).
        var path = _directory.Combine("v6.db");
        await using (SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 6))
        {
        }

        var time = (Some.BaseTime - DateTimeOffset.UnixEpoch).Ticks * 100;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "INSERT INTO health_results (id, kind, service_name, name, status, observed, time, duration, description, data) " +
                "VALUES (1, 1, 'vigil-serve', 'api', 0, 0, @time, 3000000, 'ok', '{}'); " +
                "INSERT INTO health_state (kind, service_name, name, result_id, time, status, since) VALUES (1, 'vigil-serve', 'api', 1, @time, 0, @time);";
            command.Parameters.AddWithValue("@time", time);
            command.ExecuteNonQuery();
        }

        // Act: 23 hours later the old row, with no interval, is not stale; a new result with a 1-minute interval an hour old is.
        var options = TelemetryStoreOptions.Writer with { Clock = new FakeTimeProvider(Some.BaseTime.AddHours(23)) };
        await using var store = SqliteTelemetryStore.Open(path, options);
        var state = Assert.Single(await store.QueryHealthAsync(new HealthQuery()));
        await store.WriteAsync(new TelemetryBatch
        {
            HealthResults = [state.Latest with { Timestamp = Some.BaseTime.AddHours(22), Interval = TimeSpan.FromMinutes(1) }],
        });
        var after = Assert.Single(await store.QueryHealthAsync(new HealthQuery()));

        // Assert
        Assert.Equal("ok", state.Latest.Description);
        Assert.Equal(TimeSpan.FromMilliseconds(3), state.Latest.Duration);
        Assert.Null(state.Latest.Interval);
        Assert.False(state.IsStale);
        Assert.Equal(TimeSpan.FromMinutes(1), after.Latest.Interval);
        Assert.True(after.IsStale);
    }
}
