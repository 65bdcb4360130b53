using Npgsql;
using Vigil.Model;
using Vigil.Storage.PostgreSql;
using Vigil.Storage.Tests.Support;
using Vigil.Testing.PostgreSql;

namespace Vigil.Storage.Tests.PostgreSql;

/// <summary>
/// The follow cursor (<see cref="LogQuery.AfterSequence"/>) across writers on one database: sequence order is not
/// commit order, so a cursor that moved past a later sequence would skip a batch that commits late. Two store
/// instances (two pools, as two servers) write; the database's own rows are the second source for what a follower
/// must have seen. Waits are bounded; none is a speed threshold.
/// </summary>
public sealed class PostgreSqlFollowCursorTests : IAsyncLifetime
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    private PostgreSqlTestDatabase? _database;

    private PostgreSqlTestDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await PostgreSqlTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task QueryLogsAfterSequence_EarlierSequenceCommitsLate_WaitsForItInsteadOfSkippingIt()
    {
        var slow = Open();
        var fast = Open();
        var follower = Open();
        await fast.WriteAsync(Batch(Some.Log("before")));
        var cursor = (await follower.QueryLogsAsync(new LogQuery { AfterSequence = 0 })).Single().Sequence;

        // The slow writer copies its log record (taking the lower sequence), then waits on the trace summary table,
        // which this transaction holds; the fast writer's record takes the next sequence and commits first.
        await using var blocker = await Database.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockTraces = new NpgsqlCommand("LOCK TABLE traces IN EXCLUSIVE MODE", blocker, hold))
        {
            await lockTraces.ExecuteNonQueryAsync();
        }

        var slowWrite = slow.WriteAsync(new TelemetryBatch { Logs = [Some.Log("late")], Spans = [Some.Span(1, 1)] });
        await Eventually.TrueAsync(async () => await WaitingOnLockAsync() > 0, "the slow writer waits on the trace table", s_wait);
        await fast.WriteAsync(Batch(Some.Log("early")));
        var whileSlowIsOpen = await follower.QueryLogsAsync(new LogQuery { AfterSequence = cursor });

        await hold.CommitAsync();
        await slowWrite.WaitAsync(s_wait);
        var afterCommit = await follower.QueryLogsAsync(new LogQuery { AfterSequence = cursor });

        // The committed "early" record is held back while a lower sequence is in flight, then both come in order.
        Assert.Empty(whileSlowIsOpen);
        Assert.Equal(["late", "early"], afterCommit.Select(e => e.Body));
        var stored = await SequencesAsync();
        Assert.True(stored["late"] < stored["early"]);
    }

    [Fact]
    public async Task QueryLogsAfterSequence_TwoConcurrentWriters_FollowerSeesEveryStoredRecordOnce()
    {
        var writers = new[] { Open(), Open() };
        var follower = Open();
        const int BatchesPerWriter = 60;
        var seen = new List<LogEntry>();
        long cursor = 0;
        using var done = new CancellationTokenSource();

        var writing = Task.WhenAll(writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var i = 0; i < BatchesPerWriter; i++)
            {
                // Spans too, so transactions stay open for different lengths after their logs took sequences.
                await writer.WriteAsync(new TelemetryBatch
                {
                    Logs = [.. Enumerable.Range(0, 1 + (i % 5)).Select(n => Some.Log($"w{w} b{i} n{n}"))],
                    Spans = [.. Enumerable.Range(0, i % 7).Select(n => Some.Span(1000 * w + i, n + 1))],
                });
            }
        })));

        async Task PollAsync()
        {
            var page = await follower.QueryLogsAsync(new LogQuery { AfterSequence = cursor, Limit = 50 });
            seen.AddRange(page);
            if (page.Count > 0)
            {
                cursor = page[^1].Sequence;
            }
        }

        while (!writing.IsCompleted)
        {
            await PollAsync();
            await Task.Delay(10);
        }

        await writing.WaitAsync(s_wait);
        var stored = await SequencesAsync();
        await Eventually.TrueAsync(async () =>
        {
            await PollAsync();
            return seen.Count >= stored.Count;
        }, "the follower has caught up", s_wait);

        Assert.Equal(stored.Count, seen.Count);
        Assert.Equal(stored.Values.Order(), seen.Select(e => e.Sequence));
        Assert.Equal(stored.Keys.Order(StringComparer.Ordinal), seen.Select(e => e.Body!).Order(StringComparer.Ordinal));
    }

    private static TelemetryBatch Batch(params LogEntry[] logs) => new() { Logs = logs };

    private ITelemetryStore Open() => Database.Track(PostgreSqlTelemetryStore.Open(Database.ConnectionString));

    /// <summary>The body and sequence of every stored log record, read from the table itself.</summary>
    private async Task<Dictionary<string, long>> SequencesAsync()
    {
        var bodies = await Database.ColumnAsync<string>("SELECT body FROM logs ORDER BY sequence");
        var sequences = await Database.ColumnAsync<long>("SELECT sequence FROM logs ORDER BY sequence");
        return bodies.Zip(sequences).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    private Task<long> WaitingOnLockAsync() =>
        Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
}
