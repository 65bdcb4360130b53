using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Trace queries.</summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadAsync<IReadOnlyList<TraceSummary>>(connection => QueryTraces(connection, query), cancellationToken);
    }

    public Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(traceId);
        return ReadAsync<IReadOnlyList<SpanEntry>>(connection => GetTrace(connection, traceId.ToLowerInvariant()), cancellationToken);
    }

    private static List<TraceSummary> QueryTraces(SqliteConnection connection, TraceQuery query)
    {
        using var command = TraceListCommand(connection, query);
        using var reader = command.ExecuteReader();
        var result = new List<TraceSummary>();
        while (reader.Read())
        {
            var start = reader.GetInt64(4);
            result.Add(new TraceSummary
            {
                TraceId = reader.GetString(0),
                RootSpanName = GetNullableString(reader, 1),
                ServiceName = GetNullableString(reader, 2),
                SpanCount = reader.GetInt32(3),
                StartTime = UnixTime.FromNanoseconds(start),
                Duration = UnixTime.DurationFromNanoseconds(reader.GetInt64(5) - start),
                HasError = reader.GetInt64(6) != 0,
            });
        }

        return result;
    }

    /// <summary>The listing's statement, newest traces first (tests read its plan).</summary>
    internal static SqliteCommand TraceListCommand(SqliteConnection connection, TraceQuery query, string prefix = "")
    {
        var sql = new SqlBuilder();
        if (query.ServiceName is not null)
        {
            // Each trace's spans are found by trace id. Left to itself SQLite takes ix_spans_service_start
            // instead (it matches service_name too) and walks every span of the service for every trace:
            // quadratic, 24 s for 100 traces of a service with 100,000.
            sql.Add("EXISTS (SELECT 1 FROM spans s INDEXED BY ix_spans_trace WHERE s.trace_id = t.trace_id AND s.service_name = {0})", query.ServiceName);
        }

        if (query.RootName is not null)
        {
            sql.Add("t.root_name = {0}", query.RootName);
        }

        if (query.From is { } from)
        {
            sql.Add("t.start_time >= {0}", UnixTime.ToNanoseconds(from));
        }

        if (query.To is { } to)
        {
            sql.Add("t.start_time < {0}", UnixTime.ToNanoseconds(to));
        }

        if (query.MinDuration is { } minDuration)
        {
            sql.Add("t.end_time - t.start_time >= {0}", UnixTime.ToNanoseconds(minDuration));
        }

        if (query.ErrorsOnly)
        {
            sql.Add("t.has_error = 1");
        }

        var limit = sql.AddParameter(query.Limit);
        return sql.CreateCommand(
            connection,
            prefix + "SELECT t.trace_id, t.root_name, t.service_name, t.span_count, t.start_time, t.end_time, t.has_error " +
            $"FROM traces t{sql.Where} ORDER BY t.start_time DESC LIMIT {limit};");
    }

    private List<SpanEntry> GetTrace(SqliteConnection connection, string traceId)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT trace_id, span_id, parent_span_id, trace_state, trace_flags, name, kind, start_time, end_time, " +
            "status_code, status_message, attributes, events, links, resource_id, scope_id " +
            "FROM spans WHERE trace_id = @traceId ORDER BY start_time, id;";
        command.Parameters.AddWithValue("@traceId", traceId);
        using var reader = command.ExecuteReader();
        var result = new List<SpanEntry>();
        while (reader.Read())
        {
            result.Add(ReadSpan(connection, reader));
        }

        return result;
    }

    /// <summary>A span from a row whose first 16 columns are GetTrace's, in its order (also the push's read).</summary>
    private SpanEntry ReadSpan(SqliteConnection connection, SqliteDataReader reader) =>
        new()
        {
            TraceId = reader.GetString(0),
            SpanId = reader.GetString(1),
            ParentSpanId = GetNullableString(reader, 2),
            TraceState = GetNullableString(reader, 3),
            TraceFlags = reader.GetInt32(4),
            Name = reader.GetString(5),
            Kind = (SpanKind)reader.GetInt32(6),
            StartTime = UnixTime.FromNanoseconds(reader.GetInt64(7)),
            EndTime = UnixTime.FromNanoseconds(reader.GetInt64(8)),
            StatusCode = (SpanStatusCode)reader.GetInt32(9),
            StatusMessage = GetNullableString(reader, 10),
            Attributes = AttributeJson.Deserialize(reader.GetString(11)),
            Events = SpanJson.DeserializeEvents(reader.GetString(12)),
            Links = SpanJson.DeserializeLinks(reader.GetString(13)),
            Resource = GetResource(connection, reader.GetInt64(14)),
            Scope = GetScope(connection, reader.GetInt64(15)),
        };
}
