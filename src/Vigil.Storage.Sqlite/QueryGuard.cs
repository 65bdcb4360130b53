using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Stops a read whose caller gave up or whose time ran out. Microsoft.Data.Sqlite checks the token only
/// before a statement starts; SQLite's progress handler runs inside every statement, every
/// <see cref="Instructions"/> virtual-machine steps, and interrupts it when this answers non-zero
/// (https://www.sqlite.org/c3ref/progress_handler.html). The handler also covers the many small
/// statements one read may run (an error group's services, a log's resource), where an interrupt
/// fired between two statements would be lost.
/// </summary>
internal sealed class QueryGuard : IDisposable
{
    /// <summary>Steps between checks: about a tenth of a millisecond of SQLite work, so a check costs nothing measurable.</summary>
    private const int Instructions = 10_000;

    private readonly SqliteConnection _connection;
    private readonly CancellationToken _cancellationToken;
    private readonly TimeSpan _timeout;
    private readonly long _deadline;
    private readonly Action? _onProgress;

    private QueryGuard(SqliteConnection connection, TimeSpan timeout, Action? onProgress, CancellationToken cancellationToken)
    {
        _connection = connection;
        _cancellationToken = cancellationToken;
        _timeout = timeout;
        var steps = timeout.TotalSeconds * Stopwatch.Frequency;
        _deadline = timeout == Timeout.InfiniteTimeSpan || steps >= long.MaxValue / 2 ? long.MaxValue : Stopwatch.GetTimestamp() + (long)steps;
        _onProgress = onProgress;
    }

    /// <summary>Why the read was stopped, once it was.</summary>
    private bool Cancelled { get; set; }

    private bool TimedOut { get; set; }

    /// <summary>Installs the guard on a pooled connection; dispose it before the connection goes back to the pool.</summary>
    public static QueryGuard Install(SqliteConnection connection, TimeSpan timeout, Action? onProgress, CancellationToken cancellationToken)
    {
        var guard = new QueryGuard(connection, timeout, onProgress, cancellationToken);
        raw.sqlite3_progress_handler(connection.Handle, Instructions, Check, guard);
        return guard;
    }

    /// <summary>
    /// The exception for a statement SQLite interrupted on this guard's say: the caller's cancellation, or the timeout.
    /// Null when the guard did not stop it.
    /// </summary>
    public Exception? Translate(SqliteException exception, string path)
    {
        if (exception.SqliteErrorCode != raw.SQLITE_INTERRUPT)
        {
            return null;
        }

        if (Cancelled)
        {
            return new OperationCanceledException("The query was cancelled.", exception, _cancellationToken);
        }

        return TimedOut
            ? new StoreQueryTimeoutException(
                path,
                string.Create(CultureInfo.InvariantCulture, $"the query took longer than {_timeout.TotalSeconds:0.###} s, the store's query timeout, and was stopped; narrow it (a shorter time window, a service, a lower limit)"),
                exception)
            : null;
    }

    public void Dispose() => raw.sqlite3_progress_handler(_connection.Handle, 0, null, null);

    private static int Check(object state)
    {
        var guard = (QueryGuard)state;
        guard._onProgress?.Invoke();
        if (guard._cancellationToken.IsCancellationRequested)
        {
            guard.Cancelled = true;
            return 1;
        }

        if (Stopwatch.GetTimestamp() >= guard._deadline)
        {
            guard.TimedOut = true;
            return 1;
        }

        return 0;
    }
}
