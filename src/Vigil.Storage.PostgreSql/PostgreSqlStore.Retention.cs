using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Retention. By age: every day partition wholly older than the cutoff is dropped (no row by row delete, no dead rows
/// for vacuum), and the partition the cutoff falls in loses its older rows in chunks. By size: the oldest rows of
/// whichever signal holds the oldest record go, a chunk per transaction, until the live rows fit.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    // Each partitioned table and the column its age is measured (and partitioned) by; our own constants. The order is
    // RetentionResult's.
    private static readonly (string Table, string TimeColumn)[] s_signals =
    [
        ("logs", "time"),
        ("spans", "start_time"),
        ("metric_points", "time"),
    ];

    // What a size limit may delete, oldest first across all of them: the telemetry, error events, and health results
    // but never a check's latest (the state `vigil health` shows). The order is RetentionResult's.
    private static readonly (string Table, string TimeColumn, string Deletable)[] s_sizeSignals =
    [
        ("logs", "time", "true"),
        ("spans", "start_time", "true"),
        ("metric_points", "time", "true"),
        ("error_events", "time", "true"),
        ("health_results", "time", "id NOT IN (SELECT result_id FROM health_state)"),
    ];

    public async Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.ChunkSize);
        ThrowIfReadOnly();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = new long[s_sizeSignals.Length];
        if (options.MaxAge is { } maxAge)
        {
            var cutoff = UnixTime.ToNanoseconds(_options.Clock.GetUtcNow() - maxAge);
            for (var i = 0; i < s_signals.Length; i++)
            {
                deleted[i] = await DeleteOlderAsync(connection, s_signals[i], cutoff, options.ChunkSize, cancellationToken).ConfigureAwait(false);
            }

            await using (var traces = new NpgsqlCommand(
                "DELETE FROM traces WHERE end_time < @cutoff AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = traces.trace_id)", connection))
            {
                traces.Parameters.AddWithValue("cutoff", cutoff);
                await traces.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            (deleted[3], deleted[4]) = await ApplyTriageRetentionAsync(cutoff, options.ChunkSize, cancellationToken).ConfigureAwait(false);
        }

        var used = await LiveBytesAsync(connection, cancellationToken).ConfigureAwait(false);
        if (options.MaxSizeBytes is { } maxSize)
        {
            while (used > maxSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (signal, count, bytes) = await DeleteOldestChunkAsync(connection, options.ChunkSize, cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                deleted[signal] += count;
                used -= bytes;
            }
        }

        var series = await PruneSeriesAsync(connection, cancellationToken).ConfigureAwait(false);
        return new RetentionResult
        {
            LogsDeleted = deleted[0],
            SpansDeleted = deleted[1],
            MetricPointsDeleted = deleted[2],
            ErrorEventsDeleted = deleted[3],
            HealthResultsDeleted = deleted[4],
            MetricSeriesDeleted = series,
            UsedBytesAfter = used,
        };
    }

    /// <summary>Drops the partitions wholly before the cutoff, then deletes the older rows of the one it falls in.</summary>
    private async Task<long> DeleteOlderAsync(NpgsqlConnection connection, (string Table, string TimeColumn) signal, long cutoff, int chunkSize, CancellationToken cancellationToken)
    {
        long deleted = 0;
        foreach (var pending in await PostgreSqlPartitions.ListDetachPendingAsync(connection, signal.Table, cancellationToken).ConfigureAwait(false))
        {
            deleted += await FinishDetachAsync(connection, signal.Table, pending, cancellationToken).ConfigureAwait(false);
        }

        foreach (var day in await PostgreSqlPartitions.ListAsync(connection, signal.Table, cancellationToken).ConfigureAwait(false))
        {
            var end = day >= PostgreSqlPartitions.DayOf(long.MaxValue) ? long.MaxValue : (day + 1) * PostgreSqlPartitions.NanosecondsPerDay;
            if (end > cutoff)
            {
                break;
            }

            deleted += await DropPartitionAsync(connection, signal.Table, PostgreSqlPartitions.Name(signal.Table, day), cancellationToken).ConfigureAwait(false);
        }

        await using var delete = new NpgsqlCommand(
            $"DELETE FROM {signal.Table} WHERE (tableoid, ctid) IN (SELECT tableoid, ctid FROM {signal.Table} WHERE {signal.TimeColumn} < @cutoff LIMIT @chunk)",
            connection);
        delete.Parameters.AddWithValue("cutoff", cutoff);
        delete.Parameters.AddWithValue("chunk", chunkSize);
        int rows;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            deleted += rows;
        }
        while (rows == chunkSize);

        return deleted;
    }

    /// <summary>
    /// Detaches a day partition CONCURRENTLY, then drops it. A plain DROP TABLE of a partition takes an ACCESS EXCLUSIVE
    /// lock on the parent table: behind one slow query it would wait, and every query and ingest of that signal on
    /// every server would queue behind it. A concurrent detach takes only a SHARE UPDATE EXCLUSIVE lock on the parent
    /// (reads and writes go on) and waits for the queries that still see the partition to end. It cannot run inside a
    /// transaction block; if it is cut off half-way, the partition is left "detach pending", and the next pass
    /// finishes it (<see cref="FinishDetachAsync"/>). The rows are counted once the table is detached, so the count
    /// is exactly what went.
    /// </summary>
    private async Task<long> DropPartitionAsync(NpgsqlConnection connection, string table, string partition, CancellationToken cancellationToken)
    {
        await using (var detach = new NpgsqlCommand($"ALTER TABLE {table} DETACH PARTITION {partition} CONCURRENTLY", connection))
        {
            detach.CommandTimeout = 0;
            await detach.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DropDetachedAsync(connection, table, partition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes a concurrent detach that an earlier pass was cut off in, then drops the table.</summary>
    private async Task<long> FinishDetachAsync(NpgsqlConnection connection, string table, string partition, CancellationToken cancellationToken)
    {
        await using (var finalize = new NpgsqlCommand($"ALTER TABLE {table} DETACH PARTITION {partition} FINALIZE", connection))
        {
            finalize.CommandTimeout = 0;
            await finalize.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DropDetachedAsync(connection, table, partition, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> DropDetachedAsync(NpgsqlConnection connection, string table, string partition, CancellationToken cancellationToken)
    {
        long count;
        await using (var rows = new NpgsqlCommand($"SELECT count(*) FROM {partition}", connection))
        {
            count = (long)(await rows.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await using (var drop = new NpgsqlCommand($"DROP TABLE {partition}", connection))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _partitions.Forget(table, PostgreSqlPartitions.DayOfName(table, partition));
        return count;
    }

    /// <summary>Deletes a chunk of the oldest rows of whichever signal holds the oldest record; zero when all are empty.</summary>
    private static async Task<(int Signal, long Count, long Bytes)> DeleteOldestChunkAsync(NpgsqlConnection connection, int chunkSize, CancellationToken cancellationToken)
    {
        var oldestSignal = -1;
        var oldestTime = long.MaxValue;
        for (var i = 0; i < s_sizeSignals.Length; i++)
        {
            var (table, column, deletable) = s_sizeSignals[i];
            await using var command = new NpgsqlCommand($"SELECT {column} FROM {table} WHERE {deletable} ORDER BY {column} LIMIT 1", connection);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long time && time < oldestTime)
            {
                oldestTime = time;
                oldestSignal = i;
            }
        }

        if (oldestSignal < 0)
        {
            return (0, 0, 0);
        }

        var signal = s_sizeSignals[oldestSignal];
        await using var delete = new NpgsqlCommand(
            $"WITH gone AS (DELETE FROM {signal.Table} t WHERE (tableoid, ctid) IN " +
            $"(SELECT tableoid, ctid FROM {signal.Table} WHERE {signal.Deletable} ORDER BY {signal.TimeColumn} LIMIT @chunk) RETURNING pg_column_size(t.*) AS size) " +
            "SELECT count(*), COALESCE(sum(size), 0)::bigint FROM gone",
            connection);
        delete.Parameters.AddWithValue("chunk", chunkSize);
        await using var reader = await delete.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var result = (oldestSignal, reader.GetInt64(0), reader.GetInt64(1));
        await reader.CloseAsync().ConfigureAwait(false);
        if (signal.Table == "spans")
        {
            await using var traces = new NpgsqlCommand(
                "DELETE FROM traces WHERE start_time <= @oldest AND NOT EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = traces.trace_id)", connection);
            traces.Parameters.AddWithValue("oldest", oldestTime);
            await traces.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// The bytes of the live rows a size limit can delete (telemetry, error events, health results): what it is measured against. Not the
    /// tables' size on disk, which a delete does not shrink; PostgreSQL reuses that space for later rows, as SQLite
    /// reuses free pages.
    /// </summary>
    private static async Task<long> LiveBytesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            string.Join(" + ", s_sizeSignals.Select(s => $"(SELECT COALESCE(sum(pg_column_size(t.*)), 0) FROM {s.Table} t)")),
            connection);
        command.CommandText = "SELECT (" + command.CommandText + ")::bigint";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
