using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Writes batches on one connection with commands prepared once. Not thread-safe: the store
/// calls it under its write lock.
/// </summary>
internal sealed partial class SqliteBatchWriter : IDisposable
{
    private const int MaxCachedIdentities = 4096;

    private readonly SqliteConnection _connection;
    private readonly PreparedCommand[] _all;
    private readonly PreparedCommand _upsertResource;
    private readonly PreparedCommand _upsertScope;
    private readonly PreparedCommand _insertLog;
    private readonly PreparedCommand _lastLogId;
    private readonly PreparedCommand _insertSearchTerms;
    private readonly PreparedCommand _insertSpan;
    private readonly PreparedCommand _upsertTrace;
    private readonly PreparedCommand _upsertSeries;
    private readonly PreparedCommand _insertPoint;
    private readonly TelemetryWritePipeline _pipeline;
    private readonly SqliteErrorGroupPersistence _errors;
    private readonly SqliteHealthPersistence _health;

    // Batches usually repeat the same resource and scope objects: look them up by reference first,
    // then by content hash, and only then in the database. Ids are only cached after a commit; until
    // then they are pending, in dictionaries too, so a batch of n new identities costs O(n).
    private readonly Dictionary<object, (long Id, long Hash)> _idsByReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(char Table, long Hash), long> _idsByHash = [];
    private readonly Dictionary<object, (long Id, long Hash)> _pendingByReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(char Table, long Hash), long> _pendingByHash = [];

    public SqliteBatchWriter(SqliteConnection connection, ErrorTrackingOptions errorTracking, TimeProvider clock)
    {
        _connection = connection;
        _pipeline = new TelemetryWritePipeline(errorTracking, clock);
        _errors = new SqliteErrorGroupPersistence(connection);
        _health = new SqliteHealthPersistence(connection);
        using (var cache = connection.CreateCommand())
        {
            // 64 MiB of page cache (default 2 MiB) keeps the right-hand edges of the indexes and
            // the full-text segments being merged in memory across batches.
            cache.CommandText = "PRAGMA cache_size = -65536;";
            cache.ExecuteNonQuery();
        }

        _upsertResource = new(
            connection,
            "INSERT INTO resources (hash, service_name, schema_url, attributes) VALUES (@hash, @service, @schema, @attributes) " +
            "ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id;",
            "@hash", "@service", "@schema", "@attributes");
        _upsertScope = new(
            connection,
            "INSERT INTO scopes (hash, name, version, attributes) VALUES (@hash, @name, @version, @attributes) " +
            "ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id;",
            "@hash", "@name", "@version", "@attributes");
        _insertLog = new(
            connection,
            "INSERT INTO logs (id, time, observed_time, severity, severity_text, body, attributes, trace_id, span_id, trace_flags, " +
            "event_name, exception_type, exception_message, exception_stacktrace, service_name, resource_id, scope_id) " +
            "VALUES (@id, @time, @observed, @severity, @severityText, @body, @attributes, @traceId, @spanId, @flags, " +
            "@eventName, @exceptionType, @exceptionMessage, @exceptionStack, @service, @resource, @scope);",
            "@id", "@time", "@observed", "@severity", "@severityText", "@body", "@attributes", "@traceId", "@spanId", "@flags",
            "@eventName", "@exceptionType", "@exceptionMessage", "@exceptionStack", "@service", "@resource", "@scope");
        _lastLogId = new(connection, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'logs'), 0);");
        _insertSearchTerms = new(
            connection,
            "INSERT INTO logs_fts (rowid, terms) VALUES (@id, @terms);",
            "@id", "@terms");
        _insertSpan = new(
            connection,
            "INSERT INTO spans (trace_id, span_id, parent_span_id, trace_state, trace_flags, name, kind, start_time, end_time, " +
            "status_code, status_message, attributes, events, links, service_name, resource_id, scope_id) " +
            "VALUES (@traceId, @spanId, @parent, @traceState, @flags, @name, @kind, @start, @end, " +
            "@status, @statusMessage, @attributes, @events, @links, @service, @resource, @scope);",
            "@traceId", "@spanId", "@parent", "@traceState", "@flags", "@name", "@kind", "@start", "@end",
            "@status", "@statusMessage", "@attributes", "@events", "@links", "@service", "@resource", "@scope");
        _upsertTrace = new(
            connection,
            "INSERT INTO traces (trace_id, start_time, end_time, span_count, has_error, root_name, service_name, has_root) " +
            "VALUES (@traceId, @start, @end, 1, @error, @rootName, @service, @isRoot) " +
            "ON CONFLICT (trace_id) DO UPDATE SET " +
            "start_time = min(start_time, excluded.start_time), end_time = max(end_time, excluded.end_time), " +
            "span_count = span_count + 1, has_error = max(has_error, excluded.has_error), " +
            "root_name = CASE WHEN excluded.has_root THEN excluded.root_name ELSE root_name END, " +
            "service_name = CASE WHEN excluded.has_root THEN excluded.service_name ELSE service_name END, " +
            "has_root = max(has_root, excluded.has_root);",
            "@traceId", "@start", "@end", "@error", "@rootName", "@service", "@isRoot");
        _upsertSeries = new(
            connection,
            "INSERT INTO metric_series (hash, name, description, unit, kind, temporality, monotonic, attributes, service_name, resource_id, scope_id) " +
            "VALUES (@hash, @name, @description, @unit, @kind, @temporality, @monotonic, @attributes, @service, @resource, @scope) " +
            "ON CONFLICT (hash) DO UPDATE SET description = coalesce(excluded.description, description) RETURNING id;",
            "@hash", "@name", "@description", "@unit", "@kind", "@temporality", "@monotonic", "@attributes", "@service", "@resource", "@scope");
        _insertPoint = new(
            connection,
            "INSERT INTO metric_points (series_id, time, start_time, value, count, sum, min, max, data) " +
            "VALUES (@series, @time, @start, @value, @count, @sum, @min, @max, @data);",
            "@series", "@time", "@start", "@value", "@count", "@sum", "@min", "@max", "@data");
        _all = [_upsertResource, _upsertScope, _insertLog, _lastLogId, _insertSearchTerms, _insertSpan, _upsertTrace, _upsertSeries, _insertPoint,
            .. _health.All, .. _errors.All];
    }

    public SqliteConnection Connection => _connection;

    public void Write(TelemetryBatch batch)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }

        try
        {
            ResolveIdentities(batch);

            // The batch holds the write lock, so ids can be handed out here instead of read back
            // row by row; AUTOINCREMENT still records the highest one.
            var nextLogId = batch.Logs.Count > 0 ? _lastLogId.ExecuteInt64() + 1 : 0;
            foreach (var log in batch.Logs)
            {
                WriteLog(log, nextLogId++);
            }

            foreach (var span in batch.Spans)
            {
                WriteSpan(span);
            }

            foreach (var point in batch.MetricPoints)
            {
                WritePoint(point);
            }

            // Error groups and health results commit with the telemetry they came from.
            _pipeline.Write(batch, _errors, _health);

            transaction.Commit();
            PublishPendingIds();
        }
        catch
        {
            ClearPendingIds();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}
