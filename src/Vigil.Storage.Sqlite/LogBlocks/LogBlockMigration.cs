using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// Schema 9's data step: every row of the old <c>logs</c> table becomes a record of a block, with its sequence (the
/// row id), all its fields, resource and scope. Rows are read in id order; a block is a run of consecutive rows of one
/// service (at most <see cref="LogBlockBuilder.MaxRecords"/>), so blocks' sequence ranges never overlap. Then the old
/// table, its full-text index and trigger go, and sqlite_sequence carries the highest id on, so no sequence is reused.
/// </summary>
internal static class LogBlockMigration
{
    public const int Version = 9;

    private const string ReadRows =
        "SELECT id, time, observed_time, severity, severity_text, body, attributes, trace_id, span_id, trace_flags, " +
        "event_name, exception_type, exception_message, exception_stacktrace, service_name, resource_id, scope_id FROM logs ORDER BY id;";

    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var statements = new LogBlockStatements(connection);
        foreach (var command in statements.All)
        {
            command.Transaction = transaction;
        }

        using var builder = new LogBlockBuilder(LogBlockCompression.Default);
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = ReadRows;
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var service = Text(reader, 14);
                if (builder.Count > 0 && (builder.IsFull || builder.ServiceName != service))
                {
                    statements.Insert(builder.Build());
                }

                var log = new LogEntry
                {
                    Timestamp = UnixTime.FromNanoseconds(reader.GetInt64(1)),
                    ObservedTimestamp = reader.IsDBNull(2) ? null : UnixTime.FromNanoseconds(reader.GetInt64(2)),
                    SeverityNumber = reader.GetInt32(3),
                    SeverityText = Text(reader, 4),
                    Body = Text(reader, 5),
                    Attributes = AttributeJson.Deserialize(reader.GetString(6)),
                    TraceFlags = reader.GetInt32(9),
                    EventName = Text(reader, 10),
                    ExceptionType = Text(reader, 11),
                    ExceptionMessage = Text(reader, 12),
                    ExceptionStackTrace = Text(reader, 13),
                };
                builder.Add(log, service, reader.GetInt64(0), reader.GetInt64(15), reader.GetInt64(16), Text(reader, 7), Text(reader, 8));
            }
        }

        if (builder.Count > 0)
        {
            statements.Insert(builder.Build());
        }

        using var finish = connection.CreateCommand();
        finish.Transaction = transaction;
        // The old table's AUTOINCREMENT high-water mark carries on: a follower's "after sequence n" stays valid.
        finish.CommandText =
            "INSERT INTO sqlite_sequence (name, seq) SELECT 'log_blocks', seq FROM sqlite_sequence WHERE name = 'logs' " +
            "AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'log_blocks'); " +
            "UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'logs'), 0)) WHERE name = 'log_blocks'; " +
            "DROP TRIGGER logs_after_delete; DROP TABLE logs_fts; DROP TABLE logs;";
        finish.ExecuteNonQuery();
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
