using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite.LogBlocks;

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
    private readonly LogBlockStatements _logBlocks;
    private readonly RawStatement[] _raw;
    private readonly RawStatement _insertSpan;
    private readonly RawStatement _insertSpans;
    private readonly RawStatement _upsertTrace;
    private readonly RawStatement _findSeries;
    private readonly RawStatement _insertSeries;
    private readonly RawStatement _updateSeriesDescription;
    private readonly RawStatement _insertPoint;
    private readonly RawStatement _insertPoints;
    private readonly Utf8JsonScratch _json = new();
    private readonly TelemetryWritePipeline _pipeline;
    private readonly SqliteErrorGroupPersistence _errors;
    private readonly SqliteHealthPersistence _health;
    private readonly TimeProvider _clock;

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
        _clock = clock;
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
        _logBlocks = new LogBlockStatements(connection);
        _insertSpan = new(connection, s_insertSpanSql);
        _insertSpans = new(connection, s_insertSpansSql);
        _upsertTrace = new(connection, UpsertTraceSql);
        _findSeries = new(connection, FindSeriesSql);
        _insertSeries = new(connection, InsertSeriesSql);
        _updateSeriesDescription = new(connection, UpdateSeriesDescriptionSql);
        _insertPoint = new(connection, s_insertPointSql);
        _insertPoints = new(connection, s_insertPointsSql);
        _raw = [_insertSpan, _insertSpans, _upsertTrace, _findSeries, _insertSeries, _updateSeriesDescription, _insertPoint, _insertPoints];
        _all = [_upsertResource, _upsertScope, .. _logBlocks.All,
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
            // First: a refused push batch stops before any of its records is written.
            WritePushMarks(batch.PushMarks, transaction);
            ResolveIdentities(batch);

            WriteLogs(batch.Logs);

            WriteSpans(batch.Spans);
            WritePoints(batch.MetricPoints);

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

        // Raw statements are finalized before the connection goes back to the pool with its handle.
        foreach (var statement in _raw)
        {
            statement.Dispose();
        }

        _json.Dispose();
        _blockBuilder.Dispose();
        _connection.Dispose();
    }
}
