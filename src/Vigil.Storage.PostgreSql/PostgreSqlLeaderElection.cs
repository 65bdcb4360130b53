using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// One leader among the servers on a database: whoever holds the session-level advisory lock <see cref="LockKey"/>
/// on a connection kept open for it. PostgreSQL releases a session lock when its session ends, so a leader whose
/// process dies, or whose connection is cut, stops leading at once on the database's side; here the connection is
/// checked every <see cref="CheckInterval"/>, and a failed check ends the term (its token is cancelled) before the
/// election starts again. Followers try the lock every <see cref="RetryInterval"/>. Server-side TCP keepalives are
/// shortened on the lock's session so that the database also notices a leader's host that vanished without closing
/// its connection within about 11 s, not the kernel's two hours.
/// Limit: between the database releasing the lock and the old leader's next failed check (at most one
/// <see cref="CheckInterval"/> plus the check's timeout) both instances may believe they lead; what must happen once
/// asks <see cref="ConfirmLeadershipAsync"/> first, which asks the database.
/// </summary>
internal sealed partial class PostgreSqlLeaderElection : ILeaderElection, IAsyncDisposable
{
    /// <summary>The advisory lock key of leadership; "VIGLLEAD" in ASCII, apart from the migrator's and the triage writers'.</summary>
    internal const long LockKey = 0x5649474C_4C454144;

    private readonly NpgsqlDataSource _dataSource;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource<CancellationToken> _term = NewTerm();
    private CancellationTokenSource? _termSource;
    private Task? _loop;
    private volatile bool _isLeader;

    public PostgreSqlLeaderElection(NpgsqlDataSource dataSource, TimeSpan checkInterval, TimeSpan retryInterval)
    {
        _dataSource = dataSource;
        CheckInterval = checkInterval;
        RetryInterval = retryInterval;
    }

    /// <summary>How often the leader checks that its lock's connection still works.</summary>
    public TimeSpan CheckInterval { get; }

    /// <summary>How often a follower tries the lock.</summary>
    public TimeSpan RetryInterval { get; }

    public bool IsLeader => _isLeader;

    /// <summary>The backend process holding (or trying) the lock, for tests that cut it with pg_terminate_backend.</summary>
    internal int? BackendProcessId { get; private set; }

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        Task<CancellationToken> term;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
            term = _term.Task;
        }

        return term.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_lock)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    /// <summary>
    /// Whether the database still grants the lock to this instance's session, asked on a pooled connection (the lock's
    /// own is busy with its check): pg_locks shows a bigint advisory key as its high and low 32 bits, objsubid 1.
    /// The session that held the lock is the one named, so a lock that died with its session and was taken by another
    /// server answers false at once, without waiting for this instance's next check.
    /// </summary>
    public async Task<bool> ConfirmLeadershipAsync(CancellationToken cancellationToken)
    {
        if (!_isLeader || BackendProcessId is not { } pid)
        {
            return false;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = PostgreSqlCommands.Create(
            connection, null,
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1 AND classid = $2::oid AND objid = $3::oid AND objsubid = 1)",
            pid, (long)(uint)(LockKey >> 32), (long)(uint)(LockKey & 0xFFFFFFFF));
        command.CommandTimeout = 5;
        return _isLeader && await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private static TaskCompletionSource<CancellationToken> NewTerm() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RunAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            var held = false;
            try
            {
                connection = await _dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                BackendProcessId = connection.ProcessID;
                await ExecuteAsync(connection, "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3", stop).ConfigureAwait(false);
                // Each try also tells a follower that its connection still works.
                while (!await TryLockAsync(connection, stop).ConfigureAwait(false))
                {
                    await Task.Delay(RetryInterval, stop).ConfigureAwait(false);
                }

                held = true;
                BeginTerm();
                while (true)
                {
                    await Task.Delay(CheckInterval, stop).ConfigureAwait(false);
                    await ExecuteAsync(connection, "SELECT 1", stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The connection broke (or the database is away): the term, if any, ends below; try again later.
            }
            finally
            {
                EndTerm();
                if (connection is not null)
                {
                    await CloseAsync(connection, held).ConfigureAwait(false);
                }
            }

            try
            {
                // A leader that lost its term steps back for longer than a follower's retry, so a follower already
                // waiting takes over rather than the same instance winning again after a blip of its connection.
                await Task.Delay(held ? RetryInterval * 3 : RetryInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = PostgreSqlCommands.Create(connection, null, "SELECT pg_try_advisory_lock($1)", LockKey);
        command.CommandTimeout = 5;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // A short timeout: a connection that hangs (a network partition) must end the term, not stall the check.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 5 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Unlocks before the connection goes back to the pool: a pooled connection keeps its session, and with it the
    /// lock, until its next use resets it. A broken connection is discarded by the pool, and its session is gone.
    /// </summary>
    private static async Task CloseAsync(NpgsqlConnection connection, bool held)
    {
        try
        {
            if (held && connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var unlock = PostgreSqlCommands.Create(connection, null, "SELECT pg_advisory_unlock($1)", LockKey);
                unlock.CommandTimeout = 5;
                await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The session is going away, and the lock with it.
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void BeginTerm()
    {
        lock (_lock)
        {
            _termSource = new CancellationTokenSource();
            _isLeader = true;
            _term.TrySetResult(_termSource.Token);
        }
    }

    /// <summary>A new waiting term is in place before the old token is cancelled, so no waiter is handed a dead term.</summary>
    private void EndTerm()
    {
        CancellationTokenSource? ended;
        lock (_lock)
        {
            ended = _termSource;
            _termSource = null;
            _isLeader = false;
            if (_term.Task.IsCompleted)
            {
                _term = NewTerm();
            }
        }

        if (ended is not null)
        {
            ended.Cancel();
            ended.Dispose();
        }
    }
}
