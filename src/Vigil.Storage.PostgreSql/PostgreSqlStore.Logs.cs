using System.Text;
using Npgsql;
using NpgsqlTypes;
using Vigil.Model;
using Vigil.Storage.Logs;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Log queries. Text search is an array of the body's folded words with a GIN index (<c>words @&gt; query words</c>),
/// then <c>ILIKE</c> for the text as typed: whole words, as the SQLite engine's full-text index answers, so
/// <c>time</c> does not find <c>timeout</c>. Not tsvector (its parser splits and stems words by other rules, so the two
/// engines would disagree) and not pg_trgm (substring matches, the opposite of whole words).
/// </summary>
internal sealed partial class PostgreSqlStore
{
    public async Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        LogQueryChecks.ThrowIfBothCursors(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = LogCommand(connection, query, out var indexed);
        if (query.AfterSequence is not null)
        {
            // A cursor read stops at the horizon, so a batch that commits late is not passed over (LogHorizon).
            command.CommandText += " AND sequence <= @horizon";
            command.Parameters.AddWithValue("horizon", await LogHorizonAsync(connection, cancellationToken).ConfigureAwait(false));
        }

        var order = query.AfterSequence is not null ? "sequence" : indexed || query.BeforeSequence is not null ? "sequence DESC" : "time DESC, sequence DESC";
        command.CommandText = $"SELECT sequence, time, record FROM logs{command.CommandText} ORDER BY {order} LIMIT @limit";
        command.Parameters.AddWithValue("limit", query.Limit);
        var result = new List<(long Time, long Sequence, LogEntry Entry)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var sequence = reader.GetInt64(0);
                var time = reader.GetInt64(1);
                var entry = RecordJson.Read<LogEntry>(reader.GetString(2)) with { Sequence = sequence, Timestamp = UnixTime.FromNanoseconds(time) };
                result.Add((time, sequence, entry));
            }
        }

        if (query.BeforeSequence is not null)
        {
            // Paging back by arrival: in ascending sequence order, as the SQLite engine returns them.
            result.Reverse();
        }
        else if (query.AfterSequence is null)
        {
            // The newest matches, by time or by arrival, are returned in ascending time order, newest last.
            result.Sort(static (a, b) => (a.Time, a.Sequence).CompareTo((b.Time, b.Sequence)));
        }

        return [.. result.Select(r => r.Entry)];
    }

    /// <summary>
    /// A command holding the query's filters as a WHERE clause in its text (the caller wraps it) and their parameters.
    /// <paramref name="indexed"/> says whether a text, trace or attribute filter is set, where "newest" is by arrival.
    /// </summary>
    private static NpgsqlCommand LogCommand(NpgsqlConnection connection, LogQuery query, out bool indexed)
    {
        var command = new NpgsqlCommand { Connection = connection };
        var where = new List<string>();
        indexed = false;
        if (query.ServiceName is not null)
        {
            where.Add("service = @service");
            command.Parameters.AddWithValue("service", PostgreSqlText.Clean(query.ServiceName));
        }

        if (query.MinimumSeverity is { } severity)
        {
            where.Add("severity >= @severity");
            command.Parameters.AddWithValue("severity", severity);
        }

        if (query.From is { } from)
        {
            where.Add("time >= @from");
            command.Parameters.AddWithValue("from", UnixTime.ToNanoseconds(from));
        }

        if (query.To is { } to)
        {
            where.Add("time < @to");
            command.Parameters.AddWithValue("to", UnixTime.ToNanoseconds(to));
        }

        if (!string.IsNullOrEmpty(query.TraceId))
        {
            indexed = true;
            where.Add("trace_id = @traceId");
            command.Parameters.AddWithValue("traceId", PostgreSqlText.Clean(query.TraceId.ToLowerInvariant()));
        }

        if (query.Attributes.Count > 0)
        {
            indexed = true;
            where.Add("attribute_filters @> @attributes");
            command.Parameters.Add(new NpgsqlParameter<string[]>("attributes", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                TypedValue = [.. query.Attributes.Select(a => PostgreSqlText.Clean(LogSearchTerms.Attribute(a.Key, a.Value)))],
            });
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var words = LogSearchTerms.QueryWords(text);
            // Text without a word ('%', '!!!', an emoji) leaves nothing for the index and would read every record.
            if (words.Length == 0 && !indexed)
            {
                throw new QueryRefusedException(
                    $"the search text '{text}' has no letter or digit, so no index can serve it and it would read every log record; search for a word, or add a trace or where filter");
            }

            indexed = true;
            if (words.Length > 0)
            {
                where.Add("words @> @words");
                command.Parameters.Add(new NpgsqlParameter<string[]>("words", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = words });
            }

            where.Add(@"body ILIKE @pattern ESCAPE '\'");
            command.Parameters.AddWithValue("pattern", "%" + EscapeLike(PostgreSqlText.Clean(text)) + "%");
        }

        if (query.AfterSequence is { } after)
        {
            where.Add("sequence > @after");
            command.Parameters.AddWithValue("after", after);
        }

        if (query.BeforeSequence is { } before)
        {
            where.Add("sequence < @before");
            command.Parameters.AddWithValue("before", before);
        }

        command.CommandText = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        return command;
    }

    private static string EscapeLike(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
