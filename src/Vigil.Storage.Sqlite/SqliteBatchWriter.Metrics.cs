using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Metric series identities and points.</summary>
internal sealed partial class SqliteBatchWriter
{
    // A series is looked up, then inserted when missing, rather than upserted with RETURNING: RETURNING runs each
    // statement through a temporary table, which cost more than the lookup. The batch holds the write lock
    // (BEGIN IMMEDIATE), so no other writer can insert the series in between.
    private const string FindSeriesSql = "SELECT id FROM metric_series WHERE hash = ?1;";

    private const string InsertSeriesSql =
        "INSERT INTO metric_series (hash, name, description, unit, kind, temporality, monotonic, attributes, service_name, resource_id, scope_id) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);";

    // The description is not identity; a series that comes with one keeps the newest.
    private const string UpdateSeriesDescriptionSql = "UPDATE metric_series SET description = ?2 WHERE id = ?1 AND description IS NOT ?2;";

    private const int PointColumns = 10;

    // Points go in PointsPerInsert rows per statement (RawStatement.Values); the batch's last few go one by one.
    private const int PointsPerInsert = 64;

    private static readonly string s_insertPointSql = InsertPointsSql(1);
    private static readonly string s_insertPointsSql = InsertPointsSql(PointsPerInsert);

    private readonly IdentityHash _identity = new();

    private static string InsertPointsSql(int rows) =>
        "INSERT INTO metric_points (series_id, time, start_time, value, count, sum, min, max, data, exemplars) VALUES " +
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
        insert.Bind(offset + 10, ExemplarRows.Serialize(point));
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
            id = FindOrInsertSeries(series, hash, attributes, resource.Id, scope.Id);
            _pendingByHash[('m', hash)] = id;
        }

        _pendingByReference[series] = (id, hash);
        return id;
    }

    private long FindOrInsertSeries(MetricSeriesInfo series, long hash, ReadOnlySpan<byte> attributes, long resourceId, long scopeId)
    {
        _findSeries.Bind(1, hash);
        if (_findSeries.ExecuteNullableInt64() is { } found)
        {
            if (series.Description is not null)
            {
                _updateSeriesDescription.Bind(1, found);
                _updateSeriesDescription.Bind(2, series.Description);
                _updateSeriesDescription.Execute();
            }

            return found;
        }

        _insertSeries.Bind(1, hash);
        _insertSeries.Bind(2, series.Name);
        _insertSeries.Bind(3, series.Description);
        _insertSeries.Bind(4, series.Unit);
        _insertSeries.Bind(5, (int)series.Kind);
        _insertSeries.Bind(6, (int)series.Temporality);
        _insertSeries.Bind(7, series.IsMonotonic ? 1 : 0);
        _insertSeries.BindUtf8(8, attributes);
        _insertSeries.Bind(9, series.Resource.ServiceName);
        _insertSeries.Bind(10, resourceId);
        _insertSeries.Bind(11, scopeId);
        _insertSeries.Execute();
        return _insertSeries.LastInsertRowId;
    }
}
