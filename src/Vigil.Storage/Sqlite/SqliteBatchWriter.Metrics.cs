using Vigil.Storage.Internal;

namespace Vigil.Storage.Sqlite;

/// <summary>Metric series identities and points.</summary>
internal sealed partial class SqliteBatchWriter
{
    private const string UpsertSeriesSql =
        "INSERT INTO metric_series (hash, name, description, unit, kind, temporality, monotonic, attributes, service_name, resource_id, scope_id) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) " +
        "ON CONFLICT (hash) DO UPDATE SET description = coalesce(excluded.description, description) RETURNING id;";

    private const int PointColumns = 9;

    // Points go in PointsPerInsert rows per statement (RawStatement.Values); the batch's last few go one by one.
    private const int PointsPerInsert = 64;

    private static readonly string s_insertPointSql = InsertPointsSql(1);
    private static readonly string s_insertPointsSql = InsertPointsSql(PointsPerInsert);

    private readonly IdentityHash _identity = new();

    private static string InsertPointsSql(int rows) =>
        "INSERT INTO metric_points (series_id, time, start_time, value, count, sum, min, max, data) VALUES " +
        RawStatement.Values(PointColumns, rows) + ";";

    private void WritePoints(IReadOnlyList<MetricPoint> points)
    {
        var i = 0;
        for (; i + PointsPerInsert <= points.Count; i += PointsPerInsert)
        {
            for (var row = 0; row < PointsPerInsert; row++)
            {
                WritePoint(_insertPoints, row * PointColumns, points[i + row]);
            }

            _insertPoints.Execute();
        }

        for (; i < points.Count; i++)
        {
            WritePoint(_insertPoint, 0, points[i]);
            _insertPoint.Execute();
        }
    }

    /// <summary>Binds a point's columns from parameter <paramref name="offset"/> + 1 on.</summary>
    private void WritePoint(RawStatement insert, int offset, MetricPoint point)
    {
        // Resolved with the batch's identities (ResolveIdentities): a dictionary hit by reference.
        var seriesId = ResolveSeries(point.Series);
        insert.Bind(offset + 1, seriesId);
        insert.Bind(offset + 2, UnixTime.ToNanoseconds(point.Timestamp));
        insert.Bind(offset + 3, point.StartTimestamp is { } start ? UnixTime.ToNanoseconds(start) : null);
        insert.Bind(offset + 4, point.Value is { } value && double.IsFinite(value) ? value : null);
        var (count, sum, min, max) = point switch
        {
            { Histogram: { } h } => (h.Count, h.Sum, h.Min, h.Max),
            { ExponentialHistogram: { } e } => (e.Count, e.Sum, e.Min, e.Max),
            { Summary: { } s } => (s.Count, s.Sum, (double?)null, (double?)null),
            _ => ((long?)null, (double?)null, (double?)null, (double?)null),
        };

        // SQLite has no NaN: the columns hold NULL (RawStatement binds NaN as NULL), and the point's data JSON keeps
        // the NaN a summary with no observations reports.
        insert.Bind(offset + 5, count);
        insert.Bind(offset + 6, sum);
        insert.Bind(offset + 7, min);
        insert.Bind(offset + 8, max);
        insert.Bind(offset + 9, PointDataJson.Serialize(point));
    }

    /// <summary>
    /// A series object seen before (in this batch or a committed one) costs a dictionary hit. A new object, which the
    /// OTLP mapper makes per point, costs its attributes' JSON and an XXH3 of its identity, found by hash among the
    /// batch's and the cache's series; only a series not seen at all reaches the database.
    /// </summary>
    private long ResolveSeries(MetricSeriesInfo series)
    {
        if (TryGetCached(series, out var cached))
        {
            return cached.Id;
        }

        var resource = ResolveResource(series.Resource);
        var scope = ResolveScope(series.Scope);
        // Valid until the next use of _json: nothing below serialises anything else.
        var attributes = _json.Attributes(series.Attributes);
        // The description is not identity: an instrument whose help text changes keeps its history.
        var hash = _identity.Start('m')
            .Add(series.Name)
            .Add(series.Unit)
            .Add((int)series.Kind)
            .Add((int)series.Temporality)
            .Add(series.IsMonotonic ? 1 : 0)
            .Add(resource.Hash)
            .Add(scope.Hash)
            .Add(attributes)
            .Finish();
        if (!TryGetCachedHash(('m', hash), out var id))
        {
            _upsertSeries.Bind(1, hash);
            _upsertSeries.Bind(2, series.Name);
            _upsertSeries.Bind(3, series.Description);
            _upsertSeries.Bind(4, series.Unit);
            _upsertSeries.Bind(5, (int)series.Kind);
            _upsertSeries.Bind(6, (int)series.Temporality);
            _upsertSeries.Bind(7, series.IsMonotonic ? 1 : 0);
            _upsertSeries.BindUtf8(8, attributes);
            _upsertSeries.Bind(9, series.Resource.ServiceName);
            _upsertSeries.Bind(10, resource.Id);
            _upsertSeries.Bind(11, scope.Id);
            id = _upsertSeries.ExecuteInt64();
            _pendingByHash[('m', hash)] = id;
        }

        _pendingByReference[series] = (id, hash);
        return id;
    }
}
