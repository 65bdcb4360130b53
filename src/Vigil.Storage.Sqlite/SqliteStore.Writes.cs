using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Writes: one transaction per batch on the long-lived writer connection.</summary>
internal sealed partial class SqliteStore
{
    private const int MaxRetryDelayMilliseconds = 200;

    public async Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfDisposed();
        if (batch.IsEmpty)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            // Another process may hold the write lock longer than SQLite's own busy wait (for
            // example a checkpoint on a slow disk); retry the whole batch until the busy timeout.
            var deadline = Environment.TickCount64 + _busyTimeoutMilliseconds;
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    _writer ??= new SqliteBatchWriter(OpenConnection(), _errorTracking, _clock);
                    _writer.Write(batch);
                    return;
                }
                catch (SqliteException exception) when (SqliteErrors.IsBusy(exception) && Environment.TickCount64 < deadline)
                {
                    await Task.Delay(Math.Min(attempt * 10, MaxRetryDelayMilliseconds), cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException exception)
                {
                    throw SqliteErrors.Translate(Location, exception);
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> on the writer connection in one immediate transaction.</summary>
    private async Task<T> WriteTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, T> action, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            _writer ??= new SqliteBatchWriter(OpenConnection(), _errorTracking, _clock);
            using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            var result = action(_writer.Connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(Location, exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> on the writer connection outside any transaction (a checkpoint needs that).</summary>
    private async Task WriterConnectionAsync(Action<SqliteConnection> action, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            _writer ??= new SqliteBatchWriter(OpenConnection(), _errorTracking, _clock);
            action(_writer.Connection);
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(Location, exception);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
