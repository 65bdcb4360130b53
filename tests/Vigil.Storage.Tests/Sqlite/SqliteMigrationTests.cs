using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Sqlite.LogBlocks;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_VersionOneFileWithLogs_UpgradesInPlaceAndKeepsData()
    {
        // Arrange: a file as the first release would have left it (logs only).
        var path = _directory.Combine("old.db");
        await using (SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 1))
        {
        }

        LegacyLogRows.Insert(path, Some.Log("from version one"));

        Assert.Equal(1, ReadUserVersion(path));

        // Act
        await using var store = SqliteTelemetryStore.Open(path);
        await store.WriteAsync(new TelemetryBatch { Spans = [Some.Span(1, 1)], MetricPoints = [Some.Value(Some.Gauge(), Some.BaseTime, 3)] });

        // Assert
        Assert.Equal(SchemaMigrator.LatestVersion, ReadUserVersion(path));
        Assert.Equal("from version one", Assert.Single(await store.QueryLogsAsync(new LogQuery { Text = "version" })).Body);
        Assert.Single(await store.GetTraceAsync(Some.TraceId(1)));
        Assert.Equal(3, Assert.Single(await store.ListMetricsAsync()).LatestValue);
    }

    [Fact]
    public async Task Open_VersionThreeFile_UpgradesAndGroupsExceptionsInOldAndNewData()
    {
        // Arrange: a store from before error tracking, already holding an error log record.
        var path = _directory.Combine("v3.db");
        var exception = SomeErrors.Thrown(() => throw new InvalidOperationException("Order 7 not found"));
        // Error tracking off: the Vigil that wrote version 3 had none.
        var before = TelemetryStoreOptions.Writer with { ErrorTracking = new() { Enabled = false } };
        await using (SqliteStore.Open(path, before, schemaVersion: 3))
        {
        }

        LegacyLogRows.Insert(path, SomeErrors.Log(exception));

        Assert.Equal(3, ReadUserVersion(path));

        // Act
        await using var store = SqliteTelemetryStore.Open(path);
        await store.WriteAsync(new TelemetryBatch { Logs = [SomeErrors.Log(exception)] });

        // Assert: records written before the upgrade are not grouped after the fact; new ones are.
        Assert.Equal(SchemaMigrator.LatestVersion, ReadUserVersion(path));
        Assert.Equal(2, (await store.QueryLogsAsync(new LogQuery())).Count);
        Assert.Equal(1, Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery())).Count);
    }

    [Fact]
    public async Task Open_VersionSevenFile_RebuildsTheSearchIndexSoOldRowsStaySearchableAndBodiesCannotSpoofWhere()
    {
        // Arrange: a version 7 file indexed as version 7 did: body text, then t<trace id> and a<hash> tokens.
        var path = _directory.Combine("v7.db");
        var token = SearchTokens.AttributeToken("tenant", "acme").Replace("_", string.Empty, StringComparison.Ordinal);
        await using (SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 7))
        {
        }

        LegacyLogRows.Insert(
            path,
            Some.Log("payment declined", traceId: Some.TraceId(5), attributes: [new("tenant", "acme")]),
            Some.Log("spoof " + token, service: "intruder"));

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "DELETE FROM logs_fts; " +
                $"INSERT INTO logs_fts (rowid, terms) SELECT id, body || ' t{Some.TraceId(5)} {token}' FROM logs WHERE body = 'payment declined'; " +
                "INSERT INTO logs_fts (rowid, terms) SELECT id, body FROM logs WHERE body <> 'payment declined';";
            command.ExecuteNonQuery();
        }

        // Act
        await using var store = SqliteTelemetryStore.Open(path);

        // Assert
        Assert.Equal(SchemaMigrator.LatestVersion, ReadUserVersion(path));
        Assert.Single(await store.QueryLogsAsync(new LogQuery { Text = "declined" }));
        Assert.Single(await store.QueryLogsAsync(new LogQuery { TraceId = Some.TraceId(5) }));
        Assert.Equal("checkout", Assert.Single(await store.QueryLogsAsync(new LogQuery { Attributes = [new("tenant", "acme")] })).Resource.ServiceName);
        Assert.Single(await store.QueryLogsAsync(new LogQuery { Text = "spoof" }));
    }

    [Fact]
    public void Open_FileWithNewerSchema_ThrowsStoreVersionException()
    {
        // Arrange
        var path = _directory.Combine("future.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Marked as Vigil's: a newer Vigil always stamps its application_id.
            command.CommandText = $"PRAGMA application_id = {SchemaMigrator.ApplicationId}; PRAGMA user_version = 999;";
            command.ExecuteNonQuery();
        }

        // Act
        var exception = Assert.Throws<StoreVersionException>(() => SqliteTelemetryStore.Open(path));

        // Assert
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_EmbeddedScripts_AreNumberedFromOneWithoutGaps()
    {
        // Act
        var versions = SchemaMigrator.Migrations.Select(m => m.Version).ToArray();

        // Assert
        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Length), versions);
    }

    private static long ReadUserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }
}
