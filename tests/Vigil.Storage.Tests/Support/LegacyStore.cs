using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Storage.Sqlite;

namespace Vigil.Storage.Tests.Support;

/// <summary>
/// Builds a store file as Vigil left it at schema 7 or 8, row by row in SQL, without today's writer: the writer
/// changes with the layout, an old file does not. The schema comes from the migrator stopped at the version, the rows
/// are the ones the writer of that version inserted (columns as in Schema/001..007; identity hashes the first 8 bytes
/// of SHA-256 over the identity text, as that writer computed them). The column texts (attributes, events, links,
/// point data) come from the encoders that wrote them then, which are today's; should one of them change its output,
/// freeze the old one here. A new schema (009+) needs nothing here: open the built file with today's store.
/// </summary>
internal static class LegacyStore
{
    /// <summary>Writes <paramref name="batch"/> and <paramref name="errors"/> into a new file at <paramref name="version"/> (7 or 8).</summary>
    public static async Task CreateAsync(string path, int version, TelemetryBatch batch, IReadOnlyList<LegacyErrorGroup> errors)
    {
        Assert.InRange(version, 7, 8);
        await using (SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: SchemaMigrator.LastUnmarkedVersion))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            var rows = new Rows(connection, transaction);
            foreach (var log in batch.Logs)
            {
                rows.Log(log);
            }

            foreach (var span in batch.Spans)
            {
                rows.Span(span);
            }

            foreach (var point in batch.MetricPoints)
            {
                rows.Point(point);
            }

            foreach (var result in batch.HealthResults)
            {
                rows.Health(result);
            }

            foreach (var group in errors)
            {
                rows.Error(group);
            }

            // Version 7 wrote no mark: stores of that version are recognised by their tables.
            rows.Execute("PRAGMA application_id = 0;");
            transaction.Commit();
        }

        if (version == 8)
        {
            // What a version 8 writer does to such a file: run 008 (rebuilding the search index from the rows) and mark it.
            await using (SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 8))
            {
            }
        }
    }

    private sealed class Rows(SqliteConnection connection, SqliteTransaction transaction)
    {
        public void Log(LogEntry log) => Execute(
            "INSERT INTO logs (time, observed_time, severity, severity_text, body, attributes, trace_id, span_id, trace_flags, event_name, " +
            "exception_type, exception_message, exception_stacktrace, service_name, resource_id, scope_id) VALUES (@0, @1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14, @15);",
            Nanos(log.Timestamp), log.ObservedTimestamp is { } o ? Nanos(o) : null, log.SeverityNumber, log.SeverityText, log.Body, AttributeJson.Serialize(log.Attributes),
            Id(log.TraceId), Id(log.SpanId), log.TraceFlags, log.EventName, log.ExceptionType, log.ExceptionMessage, log.ExceptionStackTrace,
            log.Resource.ServiceName, Resource(log.Resource).Id, Scope(log.Scope).Id);

        public void Span(SpanEntry span)
        {
            var (start, end, root) = (Nanos(span.StartTime), Nanos(span.EndTime), span.ParentSpanId is null);
            Execute(
                "INSERT INTO spans (trace_id, span_id, parent_span_id, trace_state, trace_flags, name, kind, start_time, end_time, status_code, status_message, " +
                "attributes, events, links, service_name, resource_id, scope_id) VALUES (@0, @1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14, @15, @16);",
                Id(span.TraceId), Id(span.SpanId), Id(span.ParentSpanId), span.TraceState, span.TraceFlags, span.Name, (int)span.Kind, start, end, (int)span.StatusCode,
                span.StatusMessage, AttributeJson.Serialize(span.Attributes), SpanJson.SerializeEvents(span.Events), SpanJson.SerializeLinks(span.Links),
                span.Resource.ServiceName, Resource(span.Resource).Id, Scope(span.Scope).Id);
            Execute(
                "INSERT INTO traces (trace_id, start_time, end_time, span_count, has_error, root_name, service_name, has_root) VALUES (@0, @1, @2, 1, @3, @4, @5, @6) " +
                "ON CONFLICT (trace_id) DO UPDATE SET start_time = min(start_time, excluded.start_time), end_time = max(end_time, excluded.end_time), " +
                "span_count = span_count + 1, has_error = max(has_error, excluded.has_error), " +
                "root_name = CASE WHEN excluded.has_root = 1 THEN excluded.root_name ELSE root_name END, " +
                "service_name = CASE WHEN excluded.has_root = 1 THEN excluded.service_name ELSE service_name END, " +
                "has_root = max(has_root, excluded.has_root);",
                Id(span.TraceId), start, end, span.StatusCode == SpanStatusCode.Error ? 1 : 0, root ? span.Name : null, span.Resource.ServiceName, root ? 1 : 0);
        }

        public void Point(MetricPoint point)
        {
            var (count, sum, min, max) = point switch
            {
                { Histogram: { } h } => (h.Count, h.Sum, h.Min, h.Max),
                { ExponentialHistogram: { } e } => (e.Count, e.Sum, e.Min, e.Max),
                { Summary: { } s } => (s.Count, s.Sum, (double?)null, (double?)null),
                _ => ((long?)null, (double?)null, (double?)null, (double?)null),
            };
            Execute(
                "INSERT INTO metric_points (series_id, time, start_time, value, count, sum, min, max, data) VALUES (@0, @1, @2, @3, @4, @5, @6, @7, @8);",
                Series(point.Series), Nanos(point.Timestamp), point.StartTimestamp is { } started ? Nanos(started) : null, point.Value is { } v && double.IsFinite(v) ? v : null, count, sum, min, max, PointDataJson.Serialize(point));
        }

        public void Health(HealthResult result)
        {
            var service = result.ServiceName ?? string.Empty;
            var time = Nanos(result.Timestamp);
            var id = Scalar(
                "INSERT INTO health_results (kind, service_name, name, status, observed, time, duration, description, data, interval) " +
                "VALUES (@0, @1, @2, @3, @4, @5, @6, @7, @8, @9) RETURNING id;",
                (int)result.Kind, service, result.Name, (int)result.Status, (int)result.Observed, time, result.Duration.Ticks * 100, result.Description,
                AttributeJson.Serialize(result.Data), result.Interval is { } interval ? interval.Ticks * 100 : null);
            Execute(
                "INSERT INTO health_state (kind, service_name, name, result_id, time, status, since) VALUES (@0, @1, @2, @3, @4, @5, @4) " +
                "ON CONFLICT (kind, service_name, name) DO UPDATE SET since = CASE WHEN excluded.status = health_state.status THEN health_state.since ELSE excluded.time END, " +
                "result_id = excluded.result_id, time = excluded.time, status = excluded.status WHERE excluded.time >= health_state.time;",
                (int)result.Kind, service, result.Name, id, time, (int)result.Status);
        }

        public void Error(LegacyErrorGroup error)
        {
            var group = error.Group;
            var id = Scalar(
                "INSERT INTO error_groups (fingerprint, grouping_version, method, type, message, culprit, stacktrace, first_seen, last_seen, count, base_severity, status, " +
                "status_changed, is_regression, resolved_in_next_release, ignored_until, ignored_until_count) " +
                "VALUES (@0, @1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14, @15, @16) RETURNING id;",
                group.Fingerprint, group.GroupingVersion, (int)group.Method, group.Type, group.Message, group.Culprit, group.StackTrace, Nanos(group.FirstSeen),
                Nanos(group.LastSeen), group.Count, (int)group.BaseSeverity, (int)group.Status, group.StatusChanged is { } c ? Nanos(c) : null,
                group.IsRegression ? 1 : 0, group.ResolvedInNextRelease ? 1 : 0, group.IgnoredUntil is { } u ? Nanos(u) : null, group.IgnoredUntilCount);
            foreach (var service in group.Services)
            {
                Execute("INSERT INTO error_group_services (group_id, service_name) VALUES (@0, @1);", id, service);
            }

            foreach (var release in group.Releases)
            {
                Execute("INSERT INTO error_group_releases (group_id, release) VALUES (@0, @1);", id, release);
            }

            foreach (var hour in error.Events.GroupBy(e => ErrorHour.Start(e.Timestamp)))
            {
                Execute("INSERT INTO error_hourly_counts (group_id, hour, count) VALUES (@0, @1, @2);", id, Nanos(hour.Key), hour.Count());
            }

            foreach (var item in error.Events)
            {
                Execute(
                    "INSERT INTO error_events (group_id, time, source, trace_id, span_id, service_name, release, type, message, stacktrace, paired, exception_id) " +
                    "VALUES (@0, @1, @2, @3, @4, @5, @6, @7, @8, @9, 0, @10);",
                    id, Nanos(item.Timestamp), (int)item.Source, item.TraceId, item.SpanId, item.ServiceName, item.Release, item.Type, item.Message, item.StackTrace, error.ExceptionId);
            }
        }

        public void Execute(string sql, params object?[] values)
        {
            using var command = Command(sql, values);
            command.ExecuteNonQuery();
        }

        private long Scalar(string sql, params object?[] values)
        {
            using var command = Command(sql, values);
            return (long)command.ExecuteScalar()!;
        }

        private SqliteCommand Command(string sql, object?[] values)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.AddWithValue("@" + i.ToString(CultureInfo.InvariantCulture), values[i] is double d && double.IsNaN(d) ? DBNull.Value : values[i] ?? DBNull.Value);
            }

            return command;
        }

        private (long Id, long Hash) Resource(TelemetryResource resource)
        {
            var attributes = AttributeJson.Serialize(resource.Attributes);
            var hash = Hash("r\n" + resource.SchemaUrl + "\n" + attributes);
            return (Upsert("resources", "service_name, schema_url", hash, resource.ServiceName, resource.SchemaUrl, attributes), hash);
        }

        private (long Id, long Hash) Scope(InstrumentationScopeInfo scope)
        {
            var attributes = AttributeJson.Serialize(scope.Attributes);
            var hash = Hash("s\n" + scope.Name + "\n" + scope.Version + "\n" + attributes);
            return (Upsert("scopes", "name, version", hash, scope.Name, scope.Version, attributes), hash);
        }

        private long Series(MetricSeriesInfo series)
        {
            var resource = Resource(series.Resource);
            var scope = Scope(series.Scope);
            var attributes = AttributeJson.Serialize(series.Attributes);
            var hash = Hash(string.Join(
                '\n',
                "m",
                series.Name,
                series.Unit,
                ((int)series.Kind).ToString(CultureInfo.InvariantCulture),
                ((int)series.Temporality).ToString(CultureInfo.InvariantCulture),
                series.IsMonotonic ? "1" : "0",
                resource.Hash.ToString(CultureInfo.InvariantCulture),
                scope.Hash.ToString(CultureInfo.InvariantCulture),
                attributes));
            return Scalar(
                "INSERT INTO metric_series (hash, name, description, unit, kind, temporality, monotonic, attributes, service_name, resource_id, scope_id) " +
                "VALUES (@0, @1, @2, @3, @4, @5, @6, @7, @8, @9, @10) ON CONFLICT (hash) DO UPDATE SET description = coalesce(excluded.description, description) RETURNING id;",
                hash, series.Name, series.Description, series.Unit, (int)series.Kind, (int)series.Temporality, series.IsMonotonic ? 1 : 0, attributes,
                series.Resource.ServiceName, resource.Id, scope.Id);
        }

        private long Upsert(string table, string columns, long hash, string? first, string? second, string attributes) => Scalar(
            $"INSERT INTO {table} (hash, {columns}, attributes) VALUES (@0, @1, @2, @3) ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id;",
            hash, first, second, attributes);

        private static long Hash(string text) => BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

        private static long Nanos(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * 100;

        private static string? Id(string? id) => string.IsNullOrEmpty(id) ? null : id.ToLowerInvariant();
    }
}
