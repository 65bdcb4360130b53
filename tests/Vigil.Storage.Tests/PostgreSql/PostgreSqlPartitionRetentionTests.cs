using Npgsql;
using Vigil.Model;
using Vigil.Storage.PostgreSql;
using Vigil.Storage.Tests.Support;
using Vigil.Testing.PostgreSql;

namespace Vigil.Storage.Tests.PostgreSql;

/// <summary>
/// Retention drops whole day partitions while other servers query and ingest the same tables: nothing of theirs waits
/// behind the drop, nothing fails, and a server that still believed in a dropped day writes to it again.
/// </summary>
public sealed class PostgreSqlPartitionRetentionTests : IAsyncLifetime
{
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private PostgreSqlTestDatabase? _database;

    private PostgreSqlTestDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await PostgreSqlTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private DateTimeOffset Old => _now.AddDays(-10);

    private string OldPartition => "logs_" + Old.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private string Url => Database.ConnectionString;

    [Fact]
    public async Task ApplyRetentionAsync_AQueryStillReadsTheOldDay_OtherQueriesAndWritesGoOnAndTheDayGoesWhenItEnds()
    {
        // Arrange: an old day and today, and a long query (another server's, say) that has read the old day and is
        // still open, holding its locks.
        await using var leader = PostgreSqlTelemetryStore.Open(Url);
        await using var other = PostgreSqlTelemetryStore.Open(Url);
        await leader.WriteAsync(new TelemetryBatch { Logs = [Some.Log("old one", time: Old), Some.Log("old two", time: Old), Some.Log("today", time: _now)] });
        await using var longQuery = await Database.OpenAsync();
        await using var longTransaction = await longQuery.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand("SELECT count(*) FROM logs", longQuery, longTransaction))
        {
            Assert.Equal(3L, await read.ExecuteScalarAsync());
        }

        // Act: retention starts and must wait for that query to end before the old day can go.
        var retention = leader.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(5) });
        await Eventually.TrueAsync(() => DetachWaitsAsync(), "retention's detach waiting for the open query");

        // Assert: meanwhile the other server's queries and writes of the same table answer (a plain DROP TABLE
        // would hold them all behind it until the long query ended: these would hang to the timeout).
        var during = await other.QueryLogsAsync(new LogQuery { Text = "today" }).WaitAsync(Eventually.DefaultTimeout);
        Assert.Equal("today", Assert.Single(during).Body);
        await other.WriteAsync(new TelemetryBatch { Logs = [Some.Log("written during retention", time: _now)] }).WaitAsync(Eventually.DefaultTimeout);
        Assert.False(retention.IsCompleted, "retention finished while a query still held the old day");

        // Act: the long query ends.
        await longTransaction.CommitAsync();
        var result = await retention.WaitAsync(Eventually.DefaultTimeout);

        // Assert: exactly the old day went, as a whole partition, and everything newer is there.
        Assert.Equal(2, result.LogsDeleted);
        Assert.DoesNotContain(OldPartition, await PartitionsAsync());
        Assert.Equal(["today", "written during retention"], (await other.QueryLogsAsync(new LogQuery())).Select(l => l.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ApplyRetentionAsync_ADetachCutOffHalfWay_TheNextPassFinishesAndCountsIt()
    {
        // Arrange: a concurrent detach cancelled while it waits leaves the partition "detach pending".
        await using var store = PostgreSqlTelemetryStore.Open(Url);
        await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("old", time: Old), Some.Log("today", time: _now)] });
        await using (var holder = await Database.OpenAsync())
        {
            await using var holding = await holder.BeginTransactionAsync();
            await using (var read = new NpgsqlCommand("SELECT count(*) FROM logs", holder, holding))
            {
                await read.ExecuteScalarAsync();
            }

            using var cancel = new CancellationTokenSource();
            var cutOff = store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(5) }, cancel.Token);
            await Eventually.TrueAsync(() => DetachWaitsAsync(), "retention's detach waiting for the open query");
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cutOff.WaitAsync(Eventually.DefaultTimeout));
            await holding.CommitAsync();
        }

        Assert.Contains(OldPartition, await PendingDetachesAsync());

        // Act
        var result = await store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(5) });

        // Assert: the pending detach finished, its record counted, and the partition dropped.
        Assert.Equal(1, result.LogsDeleted);
        Assert.Empty(await PendingDetachesAsync());
        Assert.DoesNotContain(OldPartition, await PartitionsAsync());
        Assert.Equal("today", Assert.Single(await store.QueryLogsAsync(new LogQuery())).Body);
    }

    [Fact]
    public async Task WriteAsync_ADayAnotherServersRetentionDropped_IsCreatedAgainAndTheRecordStored()
    {
        // Arrange: the second server has written to the old day, so it knows that day's partition exists; the
        // leader's retention then drops it.
        await using var leader = PostgreSqlTelemetryStore.Open(Url);
        await using var second = PostgreSqlTelemetryStore.Open(Url);
        await second.WriteAsync(new TelemetryBatch { Logs = [Some.Log("first late record", time: Old)] });
        Assert.Equal(1, (await leader.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(5) })).LogsDeleted);

        // Act: a late record for that day arrives at the second server.
        await second.WriteAsync(new TelemetryBatch { Logs = [Some.Log("second late record", time: Old)], Spans = [Some.Span(3, 1, start: Old)] });

        // Assert: stored (until the next retention pass), not refused.
        Assert.Equal("second late record", Assert.Single(await leader.QueryLogsAsync(new LogQuery())).Body);
        Assert.Contains(OldPartition, await PartitionsAsync());
        Assert.Single(await leader.GetTraceAsync(Some.TraceId(3)));
    }

    private async Task<bool> DetachWaitsAsync() =>
        await Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'ALTER TABLE logs DETACH PARTITION%' " +
            "AND wait_event_type = 'Lock'") > 0;

    private Task<List<string>> PartitionsAsync() =>
        Database.ColumnAsync<string>("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'logs'::regclass");

    private Task<List<string>> PendingDetachesAsync() =>
        Database.ColumnAsync<string>("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'logs'::regclass AND i.inhdetachpending");
}
