using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite.LogBlocks;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Counting log records for alert rules. SQL picks the candidate blocks exactly as a query does (service, highest
/// severity, time range, full-text terms) but reads only their summary rows. A block wholly inside the window whose
/// records all match when the only filters are the service and the window is counted from its row; any other block
/// is decompressed once per filter, its matching records' times kept (<see cref="LogCountCache"/>), and counted from
/// those at every later evaluation, inside the window or across one of its edges. Only a count after a sequence (a
/// follower's) tests the records of each block it reads one by one.
/// </summary>
internal sealed partial class SqliteStore : IAlertSignalReader
{
    private readonly LogCountCache _logCounts = new();
    private readonly DecodedBlockCache _decodedBlocks = new();

    public Task<IReadOnlyDictionary<string, long>> CountLogsByServiceAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync<IReadOnlyDictionary<string, long>>(connection => CountLogs(connection, query), cancellationToken);
    }

    private Dictionary<string, long> CountLogs(SqliteConnection connection, LogQuery query)
    {
        var filter = new LogRecordFilter(query);
        if (filter.Terms.Count == 0 && filter.Text is not null)
        {
            throw new QueryRefusedException(
                $"the search text '{filter.Text}' has no letter or digit, so no index can serve it and it would read every log record; count a word, or add a where filter");
        }

        // Only the service (one per block) and the window decide: a block inside the window counts in full.
        var summaryDecides = filter.Terms.Count == 0 && query.MinimumSeverity is null && query.AfterSequence is null;
        // A block's count under AfterSequence depends on the sequence, which the cache key leaves out.
        var cacheable = query.AfterSequence is null;
        var key = LogCountCache.KeyOf(query);
        var sql = BlockConditions(query, filter);
        if (query.AfterSequence is { } after)
        {
            sql.Add("b.id > {0}", after);
        }

        var candidates = new List<(long Id, int Count, long MinTime, bool Inside, string Service)>();
        using (var command = sql.CreateCommand(connection, $"SELECT b.id, b.count, b.min_time, b.max_time, b.service_name FROM {Source(filter.Terms.Count > 0)}{sql.Where};"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var minTime = reader.GetInt64(2);
                var inside = (filter.From is not { } from || minTime >= from) && (filter.To is not { } to || reader.GetInt64(3) < to);
                candidates.Add((reader.GetInt64(0), reader.GetInt32(1), minTime, inside, reader.IsDBNull(4) ? string.Empty : reader.GetString(4)));
            }
        }

        using var data = connection.CreateCommand();
        data.CommandText = "SELECT data FROM log_blocks WHERE id = @id;";
        var id = data.Parameters.Add("@id", SqliteType.Integer);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.Inside && summaryDecides)
            {
                Add(totals, candidate.Service, candidate.Count);
                continue;
            }

            if (cacheable && _logCounts.TryGet(key, candidate.Id, candidate.Count, candidate.MinTime, out var cached))
            {
                Add(totals, candidate.Service, LogCountCache.CountWithin(cached, filter.From, filter.To));
                continue;
            }

            QueryGuard.Poll(connection);
            if (!_decodedBlocks.TryGet(candidate.Id, candidate.Count, candidate.MinTime, out var block))
            {
                id.Value = candidate.Id;
                if (data.ExecuteScalar() is not byte[] blob)
                {
                    continue; // deleted by retention since the summary was read
                }

                block = _decodedBlocks.Decode(candidate.Id, candidate.MinTime, blob);
            }

            if (cacheable)
            {
                // Every match whatever the window, so the next evaluation (whose window has moved) reads no block.
                var matchedTimes = new List<long>();
                for (var r = 0; r < block.Count; r++)
                {
                    if (filter.MatchesAnyTime(block, r))
                    {
                        matchedTimes.Add(block.Times[r]);
                    }
                }

                var sorted = matchedTimes.ToArray();
                Array.Sort(sorted);
                _logCounts.Set(key, candidate.Id, candidate.Count, candidate.MinTime, sorted);
                Add(totals, candidate.Service, LogCountCache.CountWithin(sorted, filter.From, filter.To));
                continue;
            }

            var matched = 0;
            for (var r = 0; r < block.Count; r++)
            {
                if ((query.AfterSequence is not { } afterSequence || block.Sequences[r] > afterSequence) && filter.Matches(block, r))
                {
                    matched++;
                }
            }

            Add(totals, candidate.Service, matched);
        }

        return totals;
    }

    private static void Add(Dictionary<string, long> totals, string service, long count)
    {
        if (count > 0)
        {
            totals[service] = totals.GetValueOrDefault(service) + count;
        }
    }
}
