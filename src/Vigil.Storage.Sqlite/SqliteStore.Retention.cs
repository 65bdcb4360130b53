using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Retention: deletes in chunks of <see cref="RetentionOptions.ChunkSize"/> rows, one short write
/// transaction each, so writers (here and in other processes) get the lock between chunks. Log records go by
/// whole blocks (see SqliteStore.LogRetention.cs).
/// </summary>
internal sealed partial class SqliteStore
{
    // Each signal's table, the column its age is measured by, and which of its rows retention may delete at all
    // (health: never a check's latest result, which is the state `vigil health` shows). Our own constants, never
    // user input. The order is RetentionResult's.
    private static readonly (string Table, string TimeColumn, string Deletable)[] s_signals =
    [
        ("log_blocks", "min_time", "1"),
        ("spans", "start_time", "1"),
        ("metric_points", "time", "1"),
        ("error_events", "time", "1"),
        ("health_results", "time", "id NOT IN (SELECT result_id FROM health_state)"),
    ];

    public async Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ChunkSize);
        ThrowIfDisposed();
        var deleted = new long[s_signals.Length];

        if (options.MaxAge is { } maxAge)
        {
            var cutoff = UnixTime.ToNanoseconds(_clock.GetUtcNow() - maxAge);
            deleted[0] = await DeleteOldLogsAsync(cutoff, options.ChunkSize, cancellationToken).ConfigureAwait(false);
            for (var i = 1; i < s_signals.Length; i++)
            {
                int count;
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var signal = i;
                    count = await WriteTransactionAsync(
                        (connection, transaction) => DeleteOldest(connection, transaction, s_signals[signal], cutoff, options.ChunkSize),
                        cancellationToken).ConfigureAwait(false);
                    deleted[i] += count;
                }
                while (count == options.ChunkSize);
            }

            await WriteTransactionAsync((connection, transaction) => DeleteFinishedTraces(connection, transaction, cutoff), cancellationToken).ConfigureAwait(false);
            await WriteTransactionAsync((connection, transaction) => DeleteOldErrorHours(connection, transaction, cutoff), cancellationToken).ConfigureAwait(false);
            await DeleteOldAlertHistoryAsync(cutoff, options.ChunkSize, cancellationToken).ConfigureAwait(false);
        }

        // The -wal file counts: a checkpoint copies it back and truncates it before each measurement. When the -wal alone
        // is over the limit (a reader holding an old snapshot keeps it from truncating) deleting rows cannot help, so
        // the loop stops rather than empty the store.
        var (pages, wal) = await MeasureAsync(cancellationToken).ConfigureAwait(false);
        if (options.MaxSizeBytes is { } maxSize)
        {
            while (pages + wal > maxSize && wal < maxSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (signal, count) = await WriteTransactionAsync(
                    (connection, transaction) => DeleteOldestChunkOfAnySignal(connection, transaction, options.ChunkSize),
                    cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                deleted[signal] += count;
                (pages, wal) = await MeasureAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var (series, resources) = await PruneIdentitiesAsync(cancellationToken).ConfigureAwait(false);
        (pages, wal) = await MeasureAsync(cancellationToken).ConfigureAwait(false);
        return new RetentionResult
        {
            LogsDeleted = deleted[0],
            SpansDeleted = deleted[1],
            MetricPointsDeleted = deleted[2],
            ErrorEventsDeleted = deleted[3],
            HealthResultsDeleted = deleted[4],
            MetricSeriesDeleted = series,
            ResourcesDeleted = resources,
            UsedBytesAfter = pages + wal,
            WalBytesAfter = wal,
        };
    }

    /// <summary>Bytes in pages that hold data; free pages are reused by later writes, so they do not count.</summary>
    internal static long UsedBytes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size();";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static int DeleteOldest(SqliteConnection connection, SqliteTransaction transaction, (string Table, string TimeColumn, string Deletable) signal, long cutoff, int chunkSize)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"DELETE FROM {signal.Table} WHERE id IN (SELECT id FROM {signal.Table} WHERE {signal.TimeColumn} < @cutoff AND {signal.Deletable} ORDER BY {signal.TimeColumn} LIMIT @chunk);";
        command.Parameters.AddWithValue("@cutoff", cutoff);
        command.Parameters.AddWithValue("@chunk", chunkSize);
        var count = command.ExecuteNonQuery();
        return count;
    }

    private static int DeleteFinishedTraces(SqliteConnection connection, SqliteTransaction transaction, long cutoff)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM traces WHERE end_time < @cutoff AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = traces.trace_id);";
        command.Parameters.AddWithValue("@cutoff", cutoff);
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Hourly error counts go with their hour once it has wholly passed the cutoff; the groups themselves, and their
    /// total counts, stay.
    /// </summary>
    private static int DeleteOldErrorHours(SqliteConnection connection, SqliteTransaction transaction, long cutoff)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM error_hourly_counts WHERE hour + 3600000000000 <= @cutoff;";
        command.Parameters.AddWithValue("@cutoff", cutoff);
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Deletes a chunk from whichever signal holds the oldest deletable record. Zero when nothing is left to delete
    /// (every health check down to its latest result), so the size loop ends even if the store stays over its cap.
    /// </summary>
    private static (int Signal, int Count) DeleteOldestChunkOfAnySignal(SqliteConnection connection, SqliteTransaction transaction, int chunkSize)
    {
        var oldestSignal = -1;
        var oldestTime = long.MaxValue;
        for (var i = 0; i < s_signals.Length; i++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // ORDER BY ... LIMIT 1 rather than min(): with a WHERE clause only this form walks the time index.
            command.CommandText = $"SELECT {s_signals[i].TimeColumn} FROM {s_signals[i].Table} WHERE {s_signals[i].Deletable} ORDER BY {s_signals[i].TimeColumn} LIMIT 1;";
            if (command.ExecuteScalar() is long time && time < oldestTime)
            {
                oldestTime = time;
                oldestSignal = i;
            }
        }

        if (oldestSignal < 0)
        {
            return (0, 0);
        }

        if (oldestSignal == 0)
        {
            return (0, DeleteLogBlocks(connection, transaction, cutoff: null, chunkSize).Records);
        }

        var signal = s_signals[oldestSignal];
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = $"DELETE FROM {signal.Table} WHERE id IN (SELECT id FROM {signal.Table} WHERE {signal.Deletable} ORDER BY {signal.TimeColumn} LIMIT @chunk);";
        delete.Parameters.AddWithValue("@chunk", chunkSize);
        var count = delete.ExecuteNonQuery();
        if (signal.Table == "spans")
        {
            using var traces = connection.CreateCommand();
            traces.Transaction = transaction;
            traces.CommandText = "DELETE FROM traces WHERE NOT EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = traces.trace_id) AND start_time <= @oldest;";
            traces.Parameters.AddWithValue("@oldest", oldestTime + 1);
            traces.ExecuteNonQuery();
        }

        return (oldestSignal, count);
    }

    /// <summary>
    /// FTS5 records deletes as tombstones in new segments; a bounded incremental merge folds them in
    /// so the index actually shrinks. https://www.sqlite.org/fts5.html#the_merge_command
    /// </summary>
    private static void MergeFullTextIndex(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO log_blocks_fts (log_blocks_fts, rank) VALUES ('merge', 64);";
        command.ExecuteNonQuery();
    }
}
