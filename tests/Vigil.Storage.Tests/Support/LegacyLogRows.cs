using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Tests.Support;

/// <summary>
/// Log records as schemas 1 to 8 stored them: one row each in <c>logs</c>, written with SQL into a file built at an
/// old version (<c>SqliteStore.Open(..., schemaVersion: n)</c>), since today's writer writes log blocks. The full-text
/// rows are left out: the upgrade to schema 8 rebuilds them from the rows, and the one to 9 drops them.
/// </summary>
internal static class LegacyLogRows
{
    public static void Insert(string path, params LogEntry[] logs)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var log in logs)
        {
            var resourceAttributes = AttributeJson.Serialize(log.Resource.Attributes);
            var resource = Upsert(
                connection,
                "INSERT INTO resources (hash, service_name, schema_url, attributes) VALUES (@hash, @a, @b, @c) ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id;",
                Hash("r\n" + log.Resource.SchemaUrl + "\n" + resourceAttributes),
                log.Resource.ServiceName,
                log.Resource.SchemaUrl,
                resourceAttributes);
            var scopeAttributes = AttributeJson.Serialize(log.Scope.Attributes);
            var scope = Upsert(
                connection,
                "INSERT INTO scopes (hash, name, version, attributes) VALUES (@hash, @a, @b, @c) ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id;",
                Hash("s\n" + log.Scope.Name + "\n" + log.Scope.Version + "\n" + scopeAttributes),
                log.Scope.Name,
                log.Scope.Version,
                scopeAttributes);

            using var insert = connection.CreateCommand();
            insert.CommandText =
                "INSERT INTO logs (time, observed_time, severity, severity_text, body, attributes, trace_id, span_id, trace_flags, " +
                "event_name, exception_type, exception_message, exception_stacktrace, service_name, resource_id, scope_id) " +
                "VALUES (@time, @observed, @severity, @severityText, @body, @attributes, @traceId, @spanId, @flags, " +
                "@eventName, @exceptionType, @exceptionMessage, @exceptionStack, @service, @resource, @scope);";
            Add(insert, "@time", UnixTime.ToNanoseconds(log.Timestamp));
            Add(insert, "@observed", log.ObservedTimestamp is { } observed ? UnixTime.ToNanoseconds(observed) : null);
            Add(insert, "@severity", log.SeverityNumber);
            Add(insert, "@severityText", log.SeverityText);
            Add(insert, "@body", log.Body);
            Add(insert, "@attributes", AttributeJson.Serialize(log.Attributes));
            Add(insert, "@traceId", string.IsNullOrEmpty(log.TraceId) ? null : log.TraceId.ToLowerInvariant());
            Add(insert, "@spanId", string.IsNullOrEmpty(log.SpanId) ? null : log.SpanId.ToLowerInvariant());
            Add(insert, "@flags", log.TraceFlags);
            Add(insert, "@eventName", log.EventName);
            Add(insert, "@exceptionType", log.ExceptionType);
            Add(insert, "@exceptionMessage", log.ExceptionMessage);
            Add(insert, "@exceptionStack", log.ExceptionStackTrace);
            Add(insert, "@service", log.Resource.ServiceName);
            Add(insert, "@resource", resource);
            Add(insert, "@scope", scope);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static long Upsert(SqliteConnection connection, string sql, long hash, string? a, string? b, string c)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@hash", hash);
        Add(command, "@a", a);
        Add(command, "@b", b);
        Add(command, "@c", c);
        return (long)command.ExecuteScalar()!;
    }

    private static void Add(SqliteCommand command, string name, object? value) => command.Parameters.AddWithValue(name, value ?? DBNull.Value);

    private static long Hash(string text) => BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
