using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Log queries.</summary>
internal sealed partial class SqliteStore
{
    private const string LogColumns =
        "id, time, observed_time, severity, severity_text, body, attributes, trace_id, span_id, trace_flags, " +
        "event_name, exception_type, exception_message, exception_stacktrace, resource_id, scope_id";

    public Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadAsync<IReadOnlyList<LogEntry>>(connection => QueryLogs(connection, query), cancellationToken);
    }

    /// <summary>Escapes LIKE's wildcards so user text matches literally.</summary>
    private static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);

    private List<LogEntry> QueryLogs(SqliteConnection connection, LogQuery query)
    {
        var sql = new SqlBuilder();
        if (query.ServiceName is not null)
        {
            sql.Add("service_name = {0}", query.ServiceName);
        }

        if (query.MinimumSeverity is { } severity)
        {
            sql.Add("severity >= {0}", severity);
        }

        if (query.From is { } from)
        {
            sql.Add("time >= {0}", UnixTime.ToNanoseconds(from));
        }

        if (query.To is { } to)
        {
            sql.Add("time < {0}", UnixTime.ToNanoseconds(to));
        }

        // Text, trace id and attributes all narrow through the one full-text index: its terms
        // are ANDed into a single MATCH.
        var terms = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var searchText = query.Text.Trim();
            terms.AddRange(SearchTokens.QuotedWords(searchText));
            // The index only knows words; the body must also hold the text as typed.
            sql.Add("body LIKE {0} ESCAPE '\\'", "%" + EscapeLike(searchText) + "%");
        }

        if (!string.IsNullOrEmpty(query.TraceId))
        {
            var traceId = query.TraceId.ToLowerInvariant();
            terms.Add(SearchTokens.Quote(SearchTokens.TraceToken(traceId)));
            sql.Add("trace_id = {0}", traceId);
        }

        foreach (var attribute in query.Attributes)
        {
            terms.Add(SearchTokens.Quote(SearchTokens.AttributeToken(attribute.Key, attribute.Value)));
        }

        // Text without a word ('%', '!!!', an emoji) leaves nothing for the index, and LIKE would read every body.
        if (terms.Count == 0 && !string.IsNullOrWhiteSpace(query.Text))
        {
            throw new QueryRefusedException(
                $"the search text '{query.Text.Trim()}' has no letter or digit, so no index can serve it and it would read every log record; search for a word, or add a trace or where filter");
        }

        // With index terms the full-text index drives: FTS5 streams matching ids newest first and
        // the query stops after Limit rows, however common the word. An upper time bound becomes
        // an id range first (one pass over the time index), so the stream starts inside the window
        // instead of walking every newer match.
        var ftsDriven = terms.Count > 0;
        if (ftsDriven)
        {
            sql.Add("logs_fts MATCH {0}", string.Join(" AND ", terms));
            if (query.To is { } upper)
            {
                if (IdRange(connection, query.From, upper) is not { } ids)
                {
                    return [];
                }

                sql.Add("logs_fts.rowid BETWEEN {0} AND {1}", ids.First, ids.Last);
            }
        }

        // CROSS JOIN fixes the loop order: SQLite must not drive from a logs index instead.
        var source = ftsDriven ? "logs_fts CROSS JOIN logs ON logs.id = logs_fts.rowid" : "logs";
        // The index only narrows attribute filters: a token says a row may hold key=value (a hash collision, or a
        // row indexed before schema 8 whose body spelled the token out, matches too), so the stored attributes
        // decide. Then SQL cannot stop at Limit; the rows stream in index order and reading stops there instead.
        var recheck = query.Attributes.Count > 0;
        var limit = recheck ? string.Empty : " LIMIT " + sql.AddParameter(query.Limit);
        string text;
        if (query.AfterSequence is { } after)
        {
            sql.Add(ftsDriven ? "logs_fts.rowid > {0}" : "id > {0}", after);
            text = $"SELECT {LogColumns} FROM {source}{sql.Where} ORDER BY {(ftsDriven ? "logs_fts.rowid" : "id")}{limit};";
        }
        else if (ftsDriven)
        {
            text = $"SELECT {LogColumns} FROM {source}{sql.Where} ORDER BY logs_fts.rowid DESC{limit};";
        }
        else
        {
            text = $"SELECT {LogColumns} FROM logs{sql.Where} ORDER BY time DESC, id DESC{limit};";
        }

        using var command = sql.CreateCommand(connection, text);
        var result = new List<LogEntry>();
        using (var reader = command.ExecuteReader())
        {
            while (result.Count < query.Limit && reader.Read())
            {
                if (recheck && !HasAttributes(AttributeJson.Deserialize(reader.GetString(6)), query.Attributes))
                {
                    continue;
                }

                result.Add(ReadLog(connection, reader));
            }
        }

        if (query.AfterSequence is null)
        {
            // Newest last. Index-driven results are the newest by arrival; sort them by time too.
            result.Reverse();
            if (ftsDriven)
            {
                result.Sort(static (a, b) => a.Timestamp != b.Timestamp ? a.Timestamp.CompareTo(b.Timestamp) : a.Sequence.CompareTo(b.Sequence));
            }
        }

        return result;
    }

    /// <summary>Whether the stored attributes hold every filter's key with that text form of the value.</summary>
    private static bool HasAttributes(IReadOnlyList<KeyValuePair<string, object?>> stored, IReadOnlyList<KeyValuePair<string, string>> filters)
    {
        foreach (var filter in filters)
        {
            var found = false;
            foreach (var attribute in stored)
            {
                if (attribute.Key == filter.Key && AttributeJson.ToFilterText(attribute.Value) == filter.Value)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lowest and highest id of the rows in a time range, or null when it is empty.</summary>
    private static (long First, long Last)? IdRange(SqliteConnection connection, DateTimeOffset? from, DateTimeOffset to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(id), max(id) FROM logs WHERE time >= @from AND time < @to;";
        command.Parameters.AddWithValue("@from", from is { } f ? UnixTime.ToNanoseconds(f) : long.MinValue);
        command.Parameters.AddWithValue("@to", UnixTime.ToNanoseconds(to));
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private LogEntry ReadLog(SqliteConnection connection, SqliteDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        Timestamp = UnixTime.FromNanoseconds(reader.GetInt64(1)),
        ObservedTimestamp = reader.IsDBNull(2) ? null : UnixTime.FromNanoseconds(reader.GetInt64(2)),
        SeverityNumber = reader.GetInt32(3),
        SeverityText = GetNullableString(reader, 4),
        Body = GetNullableString(reader, 5),
        Attributes = AttributeJson.Deserialize(reader.GetString(6)),
        TraceId = GetNullableString(reader, 7),
        SpanId = GetNullableString(reader, 8),
        TraceFlags = reader.GetInt32(9),
        EventName = GetNullableString(reader, 10),
        ExceptionType = GetNullableString(reader, 11),
        ExceptionMessage = GetNullableString(reader, 12),
        ExceptionStackTrace = GetNullableString(reader, 13),
        Resource = GetResource(connection, reader.GetInt64(14)),
        Scope = GetScope(connection, reader.GetInt64(15)),
    };

    private static string? GetNullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
