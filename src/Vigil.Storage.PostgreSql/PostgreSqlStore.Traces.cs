using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Trace queries: the summary rows for listings, the spans for one trace, and id prefixes.</summary>
internal sealed partial class PostgreSqlStore
{
    public async Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new List<string>();
        if (query.ServiceName is not null)
        {
            where.Add("EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = t.trace_id AND s.service = @service)");
            command.Parameters.AddWithValue("service", PostgreSqlText.Clean(query.ServiceName));
        }

        if (query.RootName is not null)
        {
            where.Add("t.root_name = @rootName");
            command.Parameters.AddWithValue("rootName", PostgreSqlText.Clean(query.RootName));
        }

        if (query.From is { } from)
        {
            where.Add("t.start_time >= @from");
            command.Parameters.AddWithValue("from", UnixTime.ToNanoseconds(from));
        }

        if (query.To is { } to)
        {
            where.Add("t.start_time < @to");
            command.Parameters.AddWithValue("to", UnixTime.ToNanoseconds(to));
        }

        if (query.MinDuration is { } minDuration)
        {
            // In numeric: end - start of saturated bounds can exceed bigint.
            where.Add("t.end_time::numeric - t.start_time >= @minDuration");
            command.Parameters.AddWithValue("minDuration", UnixTime.ToNanoseconds(minDuration));
        }

        if (query.ErrorsOnly)
        {
            where.Add("t.has_error");
        }

        command.CommandText =
            "SELECT t.trace_id, t.root_name, t.service, t.span_count, t.start_time, t.end_time, t.has_error FROM traces t" +
            (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY t.start_time DESC LIMIT @limit";
        command.Parameters.AddWithValue("limit", query.Limit);
        var result = new List<TraceSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var start = reader.GetInt64(4);
            result.Add(new TraceSummary
            {
                TraceId = reader.GetString(0),
                RootSpanName = reader.IsDBNull(1) ? null : reader.GetString(1),
                ServiceName = reader.IsDBNull(2) ? null : reader.GetString(2),
                SpanCount = (int)Math.Min(reader.GetInt64(3), int.MaxValue),
                StartTime = UnixTime.FromNanoseconds(start),
                Duration = UnixTime.DurationFromNanoseconds(reader.GetInt64(5) - start),
                HasError = reader.GetBoolean(6),
            });
        }

        return result;
    }

    public async Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(traceId);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT start_time, end_time, record FROM spans WHERE trace_id = @traceId ORDER BY start_time",
            connection);
        command.Parameters.AddWithValue("traceId", PostgreSqlText.Clean(traceId.ToLowerInvariant()));
        var result = new List<SpanEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(RecordJson.Read<SpanEntry>(reader.GetString(2)) with
            {
                StartTime = UnixTime.FromNanoseconds(reader.GetInt64(0)),
                EndTime = UnixTime.FromNanoseconds(reader.GetInt64(1)),
            });
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (prefix.Length > 32 || !prefix.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"'{prefix}' is not a trace id prefix (1 to 32 hex digits).", nameof(prefix));
        }

        // A range on the primary key, so the lookup seeks in its index: ids are lower-case hex, so
        // [prefix, prefix with its last digit raised by one) holds exactly the ids that start with it.
        var low = prefix.ToLowerInvariant();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT trace_id FROM traces WHERE trace_id >= @low AND trace_id < @high ORDER BY trace_id LIMIT @limit",
            connection);
        command.Parameters.AddWithValue("low", low);
        command.Parameters.AddWithValue("high", string.Concat(low.AsSpan(0, low.Length - 1), ((char)(low[^1] + 1)).ToString()));
        command.Parameters.AddWithValue("limit", limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
