using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Logs;
using Vigil.Storage.Sqlite.LogBlocks;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Log queries over blocks: SQL picks the blocks (by service, highest severity, time range and, for text, trace and
/// attribute filters, the full-text index) in the order the query needs; each picked block is decompressed and every
/// record tested (<see cref="LogRecordFilter"/>) until the result is complete.
/// </summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        LogQueryChecks.ThrowIfBothCursors(query);
        return ReadAsync<IReadOnlyList<LogEntry>>(connection => QueryLogs(connection, query), cancellationToken);
    }

    private List<LogEntry> QueryLogs(SqliteConnection connection, LogQuery query)
    {
        var filter = new LogRecordFilter(query);
        // Text without a word ('%', '!!!', an emoji) leaves nothing for the index, and would open every block.
        if (filter.Terms.Count == 0 && filter.Text is not null)
        {
            throw new QueryRefusedException(
                $"the search text '{filter.Text}' has no letter or digit, so no index can serve it and it would read every log record; search for a word, or add a trace or where filter");
        }

        List<(LogBlock Block, int Record)> found;
        if (query.AfterSequence is { } after)
        {
            found = OldestAfter(connection, query, filter, after);
        }
        else if (query.BeforeSequence is { } before)
        {
            found = NewestBefore(connection, query, filter, before);
        }
        else if (filter.Terms.Count > 0)
        {
            found = NewestArrivals(connection, query, filter);
        }
        else
        {
            found = NewestByTime(connection, query, filter);
        }

        return [.. found.Select(f => f.Block.ToEntry(f.Record, GetResource(connection, f.Block.ResourceIds[f.Record]), GetScope(connection, f.Block.ScopeIds[f.Record])))];
    }

    /// <summary>Follow: the oldest matches after a sequence, in sequence order. Blocks in id order are records in sequence order.</summary>
    private static List<(LogBlock, int)> OldestAfter(SqliteConnection connection, LogQuery query, LogRecordFilter filter, long after)
    {
        var sql = BlockConditions(query, filter);
        var ftsDriven = filter.Terms.Count > 0;
        sql.Add(ftsDriven ? "f.rowid > {0}" : "b.id > {0}", after);
        using var command = sql.CreateCommand(connection, $"SELECT b.data FROM {Source(ftsDriven)}{sql.Where} ORDER BY {(ftsDriven ? "f.rowid" : "b.id")};");
        var result = new List<(LogBlock, int)>();
        using var reader = command.ExecuteReader();
        while (result.Count < query.Limit && reader.Read())
        {
            QueryGuard.Poll(connection);
            var block = LogBlock.Decode((byte[])reader[0]);
            for (var r = 0; r < block.Count && result.Count < query.Limit; r++)
            {
                if (block.Sequences[r] > after && filter.Matches(block, r))
                {
                    result.Add((block, r));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Paging back: the newest matches before a sequence, by arrival, returned in sequence order. Blocks in descending
    /// id order are records in descending sequence order; the one block that can hold sequences on both sides of the
    /// cursor is the lowest whose id (its last sequence) is at or above it.
    /// </summary>
    private static List<(LogBlock, int)> NewestBefore(SqliteConnection connection, LogQuery query, LogRecordFilter filter, long before)
    {
        var sql = BlockConditions(query, filter);
        var ftsDriven = filter.Terms.Count > 0;
        var id = ftsDriven ? "f.rowid" : "b.id";
        sql.Add($"{id} <= coalesce((SELECT min(id) FROM log_blocks WHERE id >= {{0}}), {{0}})", before);
        using var command = sql.CreateCommand(connection, $"SELECT b.data FROM {Source(ftsDriven)}{sql.Where} ORDER BY {id} DESC;");
        var result = NewestFirst(connection, command, query.Limit, (block, r) => block.Sequences[r] < before && filter.Matches(block, r));
        result.Reverse();
        return result;
    }

    /// <summary>The first <paramref name="limit"/> records that match, reading the command's blocks (newest first) from their last record back.</summary>
    private static List<(LogBlock Block, int Record)> NewestFirst(SqliteConnection connection, SqliteCommand command, int limit, Func<LogBlock, int, bool> matches)
    {
        var result = new List<(LogBlock Block, int Record)>();
        using var reader = command.ExecuteReader();
        while (result.Count < limit && reader.Read())
        {
            QueryGuard.Poll(connection);
            var block = LogBlock.Decode((byte[])reader[0]);
            for (var r = block.Count - 1; r >= 0 && result.Count < limit; r--)
            {
                if (matches(block, r))
                {
                    result.Add((block, r));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Text, trace or attribute filters: the newest matches by arrival, found newest block first from the full-text
    /// index, which stops as soon as there are enough; then ordered by time. A time bound first becomes the range of
    /// block ids whose time range meets it, so the index stream starts inside the window.
    /// </summary>
    private static List<(LogBlock Block, int Record)> NewestArrivals(SqliteConnection connection, LogQuery query, LogRecordFilter filter)
    {
        var sql = BlockConditions(query, filter);
        if (filter.From is not null || filter.To is not null)
        {
            if (BlockIdRange(connection, filter) is not { } ids)
            {
                return [];
            }

            sql.Add("f.rowid BETWEEN {0} AND {1}", ids.First, ids.Last);
        }

        using var command = sql.CreateCommand(connection, $"SELECT b.data FROM {Source(ftsDriven: true)}{sql.Where} ORDER BY f.rowid DESC;");
        var result = NewestFirst(connection, command, query.Limit, filter.Matches);

        result.Sort(static (a, b) => Compare(a.Block, a.Record, b.Block, b.Record));
        return result;
    }

    /// <summary>
    /// No index filter: the newest matches by time. Blocks come newest latest-record first; a heap keeps the best
    /// <see cref="LogQuery.Limit"/> so far, and the scan stops at the first block whose latest record is older than
    /// all of them.
    /// </summary>
    private List<(LogBlock Block, int Record)> NewestByTime(SqliteConnection connection, LogQuery query, LogRecordFilter filter)
    {
        var sql = BlockConditions(query, filter);
        using var command = sql.CreateCommand(connection, $"SELECT b.max_time, b.data, b.id, b.count, b.min_time FROM log_blocks b{sql.Where} ORDER BY b.max_time DESC;");
        // Min-heap on (time, sequence): its root is the oldest of the newest found so far.
        var best = new PriorityQueue<(LogBlock Block, int Record), (long Time, long Sequence)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (best.Count == query.Limit && best.TryPeek(out _, out var oldest) && reader.GetInt64(0) < oldest.Time)
                {
                    break;
                }

                QueryGuard.Poll(connection);

                // The newest blocks are the ones every alert rule's evidence reads: decoded once, kept a while.
                var (id, minTime) = (reader.GetInt64(2), reader.GetInt64(4));
                var block = _decodedBlocks.TryGet(id, reader.GetInt32(3), minTime, out var kept) ? kept : _decodedBlocks.Decode(id, minTime, (byte[])reader[1]);
                for (var r = 0; r < block.Count; r++)
                {
                    var key = (block.Times[r], block.Sequences[r]);
                    if (best.Count == query.Limit && best.TryPeek(out _, out var root) && key.CompareTo(root) <= 0)
                    {
                        continue;
                    }

                    if (!filter.Matches(block, r))
                    {
                        continue;
                    }

                    if (best.Count == query.Limit)
                    {
                        best.EnqueueDequeue((block, r), key);
                    }
                    else
                    {
                        best.Enqueue((block, r), key);
                    }
                }
            }
        }

        var result = new List<(LogBlock Block, int Record)>(best.Count);
        while (best.TryDequeue(out var entry, out _))
        {
            result.Add(entry);
        }

        return result; // the heap yields oldest first: ascending time, newest last
    }

    private static int Compare(LogBlock a, int ra, LogBlock b, int rb) =>
        a.Times[ra] != b.Times[rb] ? a.Times[ra].CompareTo(b.Times[rb]) : a.Sequences[ra].CompareTo(b.Sequences[rb]);

    private static string Source(bool ftsDriven) =>
        // CROSS JOIN fixes the loop order: SQLite must not drive from a log_blocks index instead.
        ftsDriven ? "log_blocks_fts f CROSS JOIN log_blocks b ON b.id = f.rowid" : "log_blocks b";

    /// <summary>What a block's row says about all its records: a block is skipped when none of them can match.</summary>
    private static SqlBuilder BlockConditions(LogQuery query, LogRecordFilter filter)
    {
        var sql = new SqlBuilder();
        if (filter.Terms.Count > 0)
        {
            sql.Add("f.log_blocks_fts MATCH {0}", string.Join(" AND ", filter.Terms));
        }

        if (query.ServiceName is not null)
        {
            sql.Add("b.service_name = {0}", query.ServiceName);
        }

        if (query.MinimumSeverity is { } severity)
        {
            sql.Add("b.max_severity >= {0}", severity);
        }

        if (filter.From is { } from)
        {
            sql.Add("b.max_time >= {0}", from);
        }

        if (filter.To is { } to)
        {
            sql.Add("b.min_time < {0}", to);
        }

        return sql;
    }

    /// <summary>The lowest and highest id of the blocks whose time range meets the query's, or null when none does.</summary>
    private static (long First, long Last)? BlockIdRange(SqliteConnection connection, LogRecordFilter filter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(id), max(id) FROM log_blocks WHERE max_time >= @from AND min_time < @to;";
        command.Parameters.AddWithValue("@from", filter.From ?? long.MinValue);
        command.Parameters.AddWithValue("@to", filter.To ?? long.MaxValue);
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private static string? GetNullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
