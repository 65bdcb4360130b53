using Npgsql;
using Vigil.Model;
using Vigil.Storage.PostgreSql;
using Vigil.Storage.Tests.Support;
using Vigil.Testing.PostgreSql;

namespace Vigil.Storage.Tests.PostgreSql;

/// <summary>What only the PostgreSQL engine has: opening by URL, the migrator's lock, day partitions, one database shared by several stores.</summary>
public sealed class PostgreSqlStoreTests : IAsyncLifetime
{
    private static PostgreSqlTestCluster Cluster => PostgreSqlTestCluster.Shared;

    private string _database = "";

    public async Task InitializeAsync() => _database = await Cluster.CreateDatabaseAsync();

    public Task DisposeAsync() => Cluster.DropDatabaseAsync(_database);

    private string Url(string? password = null) =>
        $"postgres://{PostgreSqlTestCluster.User}:{Uri.EscapeDataString(password ?? Cluster.Password)}@127.0.0.1:{Cluster.Port}/{_database}";

    [Fact]
    public async Task Open_FourWritersAtOnce_ApplyEachMigrationOnce()
    {
        // Act: four servers starting together against one empty database.
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlTelemetryStore.Open(Url()))));
        try
        {
            // Assert: every migration recorded once, and each store works.
            var versions = await ScalarsAsync<int>("SELECT version FROM schema_migrations ORDER BY version");
            Assert.Equal(versions.Distinct(), versions);
            Assert.Contains(1, versions);
            await stores[0].WriteAsync(new TelemetryBatch { Logs = [Some.Log("from the first")] });
            Assert.Equal("from the first", Assert.Single(await stores[3].QueryLogsAsync(new LogQuery())).Body);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Open_DatabaseAtSchema4WithPoints_KeepsThemAndStoresExemplars()
    {
        // Arrange: a database with a point, taken back to what migration 4 left (no exemplars column).
        await using (var store = PostgreSqlTelemetryStore.Open(Url()))
        {
            await store.WriteAsync(ExemplarUpgrade.Before);
        }

        await ScalarsAsync<int>("ALTER TABLE metric_points DROP COLUMN exemplars; DELETE FROM schema_migrations WHERE version = 5");

        // Act
        await using var upgraded = PostgreSqlTelemetryStore.Open(Url());

        // Assert
        await ExemplarUpgrade.AssertKeepsPointsAndStoresExemplarsAsync(upgraded);
    }

    [Fact]
    public async Task Open_WrongPassword_ClearStoreErrorWithoutThePassword()
    {
        // Arrange
        const string Wrong = "not-the-password-4711";

        // Act
        var error = Assert.ThrowsAny<StoreException>(() => PostgreSqlTelemetryStore.Open(Url(Wrong)));

        // Assert
        Assert.DoesNotContain(Wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Cluster.Password, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.Contains($"postgres://127.0.0.1:{Cluster.Port}/{_database}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ReaderOnADatabaseWithoutTheSchema_StoreNotFoundAndNothingCreated()
    {
        // Act
        var error = Assert.Throws<StoreNotFoundException>(() => PostgreSqlTelemetryStore.Open(Url(), TelemetryStoreOptions.Reader));

        // Assert
        Assert.Contains("vigil serve", error.Message, StringComparison.Ordinal);
        Assert.Empty(await ScalarsAsync<string>("SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'"));
    }

    [Fact]
    public async Task Location_NeverHoldsThePassword()
    {
        // Act
        await using var store = PostgreSqlTelemetryStore.Open(Url());

        // Assert
        Assert.Equal($"postgres://127.0.0.1:{Cluster.Port}/{_database}", store.Location);
    }

    [Fact]
    public async Task WriteAsync_RecordsOnThreeDays_OnePartitionPerDayOfEachTable()
    {
        // Arrange
        await using var store = PostgreSqlTelemetryStore.Open(Url());
        var days = new[] { Some.BaseTime, Some.BaseTime.AddDays(1), Some.BaseTime.AddDays(5) };

        // Act
        await store.WriteAsync(new TelemetryBatch { Logs = [.. days.Select(d => Some.Log("on a day", time: d))] });
        await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("same day again", time: days[0].AddHours(3))] });

        // Assert: the written days' partitions exist (today's and tomorrow's are made ahead as well).
        var partitions = await ScalarsAsync<string>(
            "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'logs'::regclass ORDER BY 1");
        Assert.Contains("logs_20260301", partitions);
        Assert.Contains("logs_20260302", partitions);
        Assert.Contains("logs_20260306", partitions);
        Assert.DoesNotContain("logs_20260303", partitions);
        Assert.Equal(4, (await store.QueryLogsAsync(new LogQuery())).Count);
        Assert.Equal(2, await ScalarAsync<long>("SELECT count(*) FROM logs_20260301"));
    }

    [Fact]
    public async Task WriteAsync_OnOneStore_ReadByAnotherOnTheSameDatabase()
    {
        // Arrange: two servers' stores on one database.
        await using var first = PostgreSqlTelemetryStore.Open(Url());
        await using var second = PostgreSqlTelemetryStore.Open(Url());

        // Act
        await first.WriteAsync(new TelemetryBatch { Logs = [Some.Log("written on the first", traceId: Some.TraceId(7))], Spans = [Some.Span(7, 1)] });
        await second.WriteAsync(new TelemetryBatch { Logs = [Some.Log("written on the second")] });

        // Assert: both see both, with sequences that rise across writers.
        var onFirst = await first.QueryLogsAsync(new LogQuery { AfterSequence = 0 });
        var onSecond = await second.QueryLogsAsync(new LogQuery { AfterSequence = 0 });
        Assert.Equal(["written on the first", "written on the second"], onSecond.Select(l => l.Body));
        Assert.Equal(onFirst.Select(l => (l.Sequence, l.Body)), onSecond.Select(l => (l.Sequence, l.Body)));
        Assert.True(onSecond[1].Sequence > onSecond[0].Sequence);
        Assert.Equal(Some.TraceId(7), Assert.Single(await second.QueryTracesAsync(new TraceQuery())).TraceId);
    }

    [Theory]
    [InlineData("'; DROP TABLE logs; --")]
    [InlineData("100% done_ok")]
    [InlineData(@"C:\temp\x")]
    [InlineData("\"quoted\" OR 1=1")]
    public async Task QueryLogsAsync_HostileText_MatchesOnlyTheLiteralText(string text)
    {
        // Arrange
        await using var store = PostgreSqlTelemetryStore.Open(Url());
        await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("before " + text + " after"), Some.Log("before 100 percent done ok C temp x quoted OR 1 1 DROP TABLE logs after")] });

        // Act
        var found = await store.QueryLogsAsync(new LogQuery { Text = text });

        // Assert: the literal text only, and the table is still there.
        Assert.Equal("before " + text + " after", Assert.Single(found).Body);
        Assert.Equal(2, await ScalarAsync<long>("SELECT count(*) FROM logs"));
    }

    [Fact]
    public async Task WriteAsync_NulCharactersEverywhere_StoredAndTheRecordReadsBackAsWritten()
    {
        // Arrange: PostgreSQL text cannot hold U+0000; hostile telemetry has it in every field.
        await using var store = PostgreSqlTelemetryStore.Open(Url());
        var log = Some.Log("nul\0inside body", service: "svc\0x", attributes: [new("k\0", "v\0")]);
        var span = Some.Span(9, 1, name: "GET\0/x", service: "svc\0x");

        // Act
        await store.WriteAsync(new TelemetryBatch { Logs = [log], Spans = [span], MetricPoints = [Some.Value(Some.Gauge() with { Name = "m\0" }, Some.BaseTime, 1)] });

        // Assert: the record as written, and filters with a NUL answer instead of failing.
        var read = Assert.Single(await store.QueryLogsAsync(new LogQuery { Text = "inside" }));
        Assert.Equal("nul\0inside body", read.Body);
        Assert.Equal("svc\0x", read.Resource.ServiceName);
        Assert.Equal("GET\0/x", Assert.Single(await store.GetTraceAsync(Some.TraceId(9))).Name);
        Assert.Empty(await store.QueryLogsAsync(new LogQuery { ServiceName = "other\0", Text = "nul\0" }));
        Assert.Single(await store.ListMetricsAsync());
    }

    private async Task<T> ScalarAsync<T>(string sql) => Assert.Single(await ScalarsAsync<T>(sql));

    private async Task<List<T>> ScalarsAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Cluster.ConnectionString(_database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetFieldValue<T>(0));
        }

        return result;
    }
}
