using Npgsql;
using Vigil.Storage.PostgreSql;
using Vigil.Testing.PostgreSql;

namespace Vigil.Storage.Tests.PostgreSql;

/// <summary>
/// One leader among several store instances on one real PostgreSQL database (<see cref="PostgreSqlTestCluster"/>):
/// exactly one holds the advisory lock, and when its connection is cut the other takes over. The database's own
/// view (pg_locks) is the second source for who leads. Every wait is bounded; none is a speed threshold.
/// </summary>
public sealed class PostgreSqlLeaderElectionTests : IAsyncLifetime
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    private readonly List<PostgreSqlStore> _stores = [];
    private string? _database;

    public async Task InitializeAsync() => _database = await PostgreSqlTestCluster.Shared.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await PostgreSqlTestCluster.Shared.DropDatabaseAsync(_database!);
    }

    [Fact]
    public async Task WaitForLeadership_TwoInstances_OnlyTheOneHoldingTheLockLeads()
    {
        var first = Open();
        var second = Open();

        var firstTerm = await first.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(s_wait);
        var secondWait = second.WaitForLeadershipAsync(CancellationToken.None);
        await WaitUntilTryingAsync(second);

        Assert.True(first.IsLeader);
        Assert.False(firstTerm.IsCancellationRequested);
        Assert.False(second.IsLeader);
        Assert.False(secondWait.IsCompleted);
        Assert.Equal([first.Leader.BackendProcessId!.Value], await LockHoldersAsync());
    }

    [Fact]
    public async Task WaitForLeadership_LeadersConnectionKilled_TheOtherTakesOverAndTheOldTermEnds()
    {
        var first = Open();
        var second = Open();
        var firstTerm = await first.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(s_wait);
        var firstEnded = Ended(firstTerm);
        var secondWait = second.WaitForLeadershipAsync(CancellationToken.None);
        await WaitUntilTryingAsync(second);

        await TerminateAsync(first.Leader.BackendProcessId!.Value);

        var secondTerm = await secondWait.WaitAsync(s_wait);
        await firstEnded.WaitAsync(s_wait);
        Assert.True(second.IsLeader);
        Assert.False(secondTerm.IsCancellationRequested);
        Assert.False(first.IsLeader);
        Assert.Equal([second.Leader.BackendProcessId!.Value], await LockHoldersAsync());
    }

    [Fact]
    public async Task ConfirmLeadership_AsksTheDatabase_TrueForTheHolderOnlyAndFalseOnceItsSessionIsGone()
    {
        var first = Open();
        var second = Open();
        await first.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(s_wait);
        var secondWait = second.WaitForLeadershipAsync(CancellationToken.None);
        await WaitUntilTryingAsync(second);
        var neverAsked = Open();

        var leaderConfirmed = await first.ConfirmLeadershipAsync(CancellationToken.None);
        var followerConfirmed = await second.ConfirmLeadershipAsync(CancellationToken.None);
        var notInTheElection = await neverAsked.ConfirmLeadershipAsync(CancellationToken.None);

        // Cut the leader's session: the database drops its lock at once, whatever the old leader still believes.
        var cutPid = first.Leader.BackendProcessId!.Value;
        await TerminateAsync(cutPid);
        await Vigil.Testing.Eventually.TrueAsync(async () => !(await LockHoldersAsync()).Contains(cutPid), "the cut session's lock is gone", s_wait);
        var cutConfirmed = await first.ConfirmLeadershipAsync(CancellationToken.None);
        await secondWait.WaitAsync(s_wait);
        var newLeaderConfirmed = await second.ConfirmLeadershipAsync(CancellationToken.None);

        Assert.True(leaderConfirmed);
        Assert.False(followerConfirmed);
        Assert.False(notInTheElection);
        Assert.False(cutConfirmed);
        Assert.True(newLeaderConfirmed);
        Assert.Equal([second.Leader.BackendProcessId!.Value], await LockHoldersAsync());
    }

    [Fact]
    public async Task WaitForLeadership_AfterLosingTheLock_TheFirstFollowsAndLeadsAgainWhenTheSecondCloses()
    {
        var first = Open();
        var second = Open();
        await first.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(s_wait);
        var secondWait = second.WaitForLeadershipAsync(CancellationToken.None);
        await WaitUntilTryingAsync(second);
        await TerminateAsync(first.Leader.BackendProcessId!.Value);
        await secondWait.WaitAsync(s_wait);

        // The first reconnects and waits as a follower; closing the second hands leadership back.
        var firstAgain = first.WaitForLeadershipAsync(CancellationToken.None);
        await second.DisposeAsync();
        _stores.Remove(second);

        var term = await firstAgain.WaitAsync(s_wait);
        Assert.True(first.IsLeader);
        Assert.False(term.IsCancellationRequested);
        Assert.Equal([first.Leader.BackendProcessId!.Value], await LockHoldersAsync());
    }

    [Fact]
    public async Task RunWhileLeading_LeaderKilled_WorkStopsOnOneAndStartsOnTheOther()
    {
        var first = Open();
        var second = Open();
        var running = new Dictionary<PostgreSqlStore, int>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();

        Task Work(PostgreSqlStore store, TaskCompletionSource started, TaskCompletionSource? stopped) => store.RunWhileLeadingAsync(
            async leading =>
            {
                lock (running)
                {
                    running[store] = running.GetValueOrDefault(store) + 1;
                }

                started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, leading);
                }
                finally
                {
                    stopped?.TrySetResult();
                }
            },
            stop.Token);

        var firstWork = Work(first, firstStarted, firstStopped);
        await firstStarted.Task.WaitAsync(s_wait);
        var secondWork = Work(second, secondStarted, null);
        await WaitUntilTryingAsync(second);
        Assert.False(secondStarted.Task.IsCompleted);

        await TerminateAsync(first.Leader.BackendProcessId!.Value);
        await Task.WhenAll(firstStopped.Task, secondStarted.Task).WaitAsync(s_wait);

        await stop.CancelAsync();
        await Task.WhenAll(firstWork, secondWork).WaitAsync(s_wait);
        Assert.Equal(1, running[first]);
        Assert.Equal(1, running[second]);
    }

    private PostgreSqlStore Open()
    {
        var store = (PostgreSqlStore)PostgreSqlTelemetryStore.Open(PostgreSqlTestCluster.Shared.ConnectionString(_database!));
        _stores.Add(store);
        return store;
    }

    private static Task Ended(CancellationToken term)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        term.Register(() => ended.TrySetResult());
        return ended.Task;
    }

    /// <summary>Until the follower's session has asked for the lock at least once (the database shows its last query).</summary>
    private async Task WaitUntilTryingAsync(PostgreSqlStore follower)
    {
        using var deadline = new CancellationTokenSource(s_wait);
        while (follower.Leader.BackendProcessId is not { } pid
            || await ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND query LIKE '%pg_try_advisory_lock%'", pid) != 1)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    /// <summary>The backend processes holding the leader lock, by the database's own account.</summary>
    private async Task<int[]> LockHoldersAsync()
    {
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
            "AND ((classid::bigint << 32) | objid::bigint) = $1 ORDER BY pid",
            connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = PostgreSqlLeaderElection.LockKey });
        var holders = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders.Add(reader.GetInt32(0));
        }

        return [.. holders];
    }

    private async Task TerminateAsync(int pid) => Assert.True(await ScalarAsync<bool>("SELECT pg_terminate_backend($1)", pid));

    private async Task<T> ScalarAsync<T>(string sql, int pid)
    {
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        // Not pooled: a connection of the test's own, never one of the stores'.
        var connection = new NpgsqlConnection(PostgreSqlTestCluster.Shared.ConnectionString(_database!) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
