using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite.LogBlocks;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Retention of log blocks. By age: a block all of whose records are older than the cutoff is deleted whole; a block
/// that straddles the cutoff is rewritten with only its records at or after it, so no record newer than the cutoff is
/// lost and none older is kept (the same answer, record by record, as when each record was a row). By size: whole
/// blocks go, oldest first by their earliest record.
/// </summary>
internal sealed partial class SqliteStore
{
    private async Task<long> DeleteOldLogsAsync(long cutoff, int chunkSize, CancellationToken cancellationToken)
    {
        var deleted = 0L;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (records, blocks) = await WriteTransactionAsync(
                (connection, transaction) => DeleteLogBlocks(connection, transaction, cutoff, chunkSize),
                cancellationToken).ConfigureAwait(false);
            deleted += records;
            if (blocks == 0)
            {
                break;
            }
        }

        return deleted + await WriteTransactionAsync(
            (connection, transaction) => TrimStraddlingLogBlocks(connection, transaction, cutoff),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the oldest whole blocks, up to <paramref name="chunkSize"/> records (always at least one block): with a
    /// cutoff only blocks wholly before it, by their latest record; without, any, by their earliest record.
    /// </summary>
    private static (int Records, int Blocks) DeleteLogBlocks(SqliteConnection connection, SqliteTransaction transaction, long? cutoff, int chunkSize)
    {
        var ids = new List<long>();
        var records = 0;
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = cutoff is null
                ? "SELECT id, count FROM log_blocks ORDER BY min_time LIMIT @chunk;"
                : "SELECT id, count FROM log_blocks WHERE max_time < @cutoff ORDER BY max_time LIMIT @chunk;";
            select.Parameters.AddWithValue("@cutoff", cutoff ?? 0);
            select.Parameters.AddWithValue("@chunk", chunkSize);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var count = reader.GetInt32(1);
                if (ids.Count > 0 && records + count > chunkSize)
                {
                    break;
                }

                ids.Add(reader.GetInt64(0));
                records += count;
            }
        }

        if (ids.Count == 0)
        {
            return (0, 0);
        }

        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM log_blocks WHERE id = @id;";
            var id = delete.Parameters.Add("@id", SqliteType.Integer);
            foreach (var blockId in ids)
            {
                id.Value = blockId;
                delete.ExecuteNonQuery();
            }
        }

        MergeFullTextIndex(connection, transaction);
        return (records, ids.Count);
    }

    /// <summary>Rewrites each block that holds records on both sides of the cutoff with only the newer ones; returns how many went.</summary>
    private static int TrimStraddlingLogBlocks(SqliteConnection connection, SqliteTransaction transaction, long cutoff)
    {
        var straddling = new List<(long Id, string? Service, LogBlock Block)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id, service_name, data FROM log_blocks WHERE min_time < @cutoff AND max_time >= @cutoff;";
            select.Parameters.AddWithValue("@cutoff", cutoff);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                straddling.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), LogBlock.Decode((byte[])reader[2])));
            }
        }

        if (straddling.Count == 0)
        {
            return 0;
        }

        var removed = 0;
        using var statements = new LogBlockStatements(connection);
        foreach (var command in statements.All)
        {
            command.Transaction = transaction;
        }

        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM log_blocks WHERE id = @id;";
        var id = delete.Parameters.Add("@id", SqliteType.Integer);
        using var builder = new LogBlockBuilder(LogBlockCompression.Default);
        foreach (var (blockId, service, block) in straddling)
        {
            for (var r = 0; r < block.Count; r++)
            {
                if (block.Times[r] >= cutoff)
                {
                    var log = block.ToEntry(r, TelemetryResource.Empty, InstrumentationScopeInfo.Empty);
                    builder.Add(log, service, log.Sequence, block.ResourceIds[r], block.ScopeIds[r], log.TraceId, log.SpanId);
                }
                else
                {
                    removed++;
                }
            }

            id.Value = blockId;
            delete.ExecuteNonQuery();
            statements.Insert(builder.Build());
        }

        MergeFullTextIndex(connection, transaction);
        return removed;
    }
}
