using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// The ceiling the store's span writes are compared with: the same rows, their texts encoded before timing starts,
/// inserted through raw SQLitePCL into a table of the same 17 columns with no index and no trace summary, in
/// transactions of the same size, on a file with the store's pragmas (WAL, synchronous=NORMAL).
/// </summary>
internal static class SpanInsertCeiling
{
    private const string Sql =
        "INSERT INTO spans (trace_id, span_id, parent_span_id, trace_state, trace_flags, name, kind, start_time, end_time, " +
        "status_code, status_message, attributes, events, links, service_name, resource_id, scope_id) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);";

    public sealed record Row(byte[] TraceId, byte[] SpanId, byte[]? Parent, int Flags, byte[] Name, int Kind, long Start, long End,
        int Status, byte[]? StatusMessage, byte[] Attributes, byte[] Events, byte[] Links, byte[]? Service);

    public static List<Row[]> Rows(IReadOnlyList<SpanEntry[]> batches) =>
        [.. batches.Select(batch => batch.Select(span => new Row(
            Utf8(span.TraceId), Utf8(span.SpanId), span.ParentSpanId is null ? null : Utf8(span.ParentSpanId), span.TraceFlags,
            Utf8(span.Name), (int)span.Kind, UnixTime.ToNanoseconds(span.StartTime), UnixTime.ToNanoseconds(span.EndTime),
            (int)span.StatusCode, span.StatusMessage is null ? null : Utf8(span.StatusMessage),
            Utf8(AttributeJson.Serialize(span.Attributes)), Utf8(SpanJson.SerializeEvents(span.Events)), Utf8(SpanJson.SerializeLinks(span.Links)),
            span.Resource.ServiceName is null ? null : Utf8(span.Resource.ServiceName))).ToArray())];

    public static void Insert(string path, List<Row[]> batches)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; " +
            "CREATE TABLE spans (id INTEGER PRIMARY KEY, trace_id TEXT NOT NULL, span_id TEXT NOT NULL, parent_span_id TEXT, " +
            "trace_state TEXT, trace_flags INTEGER NOT NULL, name TEXT NOT NULL, kind INTEGER NOT NULL, start_time INTEGER NOT NULL, " +
            "end_time INTEGER NOT NULL, status_code INTEGER NOT NULL, status_message TEXT, attributes TEXT NOT NULL, " +
            "events TEXT NOT NULL, links TEXT NOT NULL, service_name TEXT, resource_id INTEGER NOT NULL, scope_id INTEGER NOT NULL);");
        var db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, Sql, out var statement), db);
        using (statement)
        {
            foreach (var batch in batches)
            {
                Check(raw.sqlite3_exec(db, "BEGIN IMMEDIATE;"), db);
                foreach (var row in batch)
                {
                    Text(statement, 1, row.TraceId);
                    Text(statement, 2, row.SpanId);
                    Text(statement, 3, row.Parent);
                    raw.sqlite3_bind_null(statement, 4);
                    raw.sqlite3_bind_int(statement, 5, row.Flags);
                    Text(statement, 6, row.Name);
                    raw.sqlite3_bind_int(statement, 7, row.Kind);
                    raw.sqlite3_bind_int64(statement, 8, row.Start);
                    raw.sqlite3_bind_int64(statement, 9, row.End);
                    raw.sqlite3_bind_int(statement, 10, row.Status);
                    Text(statement, 11, row.StatusMessage);
                    Text(statement, 12, row.Attributes);
                    Text(statement, 13, row.Events);
                    Text(statement, 14, row.Links);
                    Text(statement, 15, row.Service);
                    raw.sqlite3_bind_int64(statement, 16, 1);
                    raw.sqlite3_bind_int64(statement, 17, 1);
                    if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
                    {
                        Check(raw.sqlite3_errcode(db), db);
                    }

                    raw.sqlite3_reset(statement);
                }

                Check(raw.sqlite3_exec(db, "COMMIT;"), db);
            }
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static void Text(sqlite3_stmt statement, int index, byte[]? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, value);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Check(int rc, sqlite3 db) => SqliteException.ThrowExceptionForRC(rc, db);
}
