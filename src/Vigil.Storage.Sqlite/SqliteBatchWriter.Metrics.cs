using System.Globalization;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Metric series identities and points.</summary>
internal sealed partial class SqliteBatchWriter
{
    // OTLP mappers make a new series object per point, so a batch's points rarely share a series by reference: the
    // batch's series are also found by their identity text, which spares a SHA-256 per point (issue 12, item 6).
    private readonly Dictionary<string, (long Id, long Hash)> _pendingSeries = new(StringComparer.Ordinal);

    private void WritePoint(MetricPoint point)
    {
        var seriesId = ResolveSeries(point.Series);
        _insertPoint.Set(0, seriesId);
        _insertPoint.Set(1, UnixTime.ToNanoseconds(point.Timestamp));
        _insertPoint.Set(2, point.StartTimestamp is { } start ? UnixTime.ToNanoseconds(start) : null);
        _insertPoint.Set(3, point.Value is { } value && double.IsFinite(value) ? value : null);
        var (count, sum, min, max) = point switch
        {
            { Histogram: { } h } => (h.Count, h.Sum, h.Min, h.Max),
            { ExponentialHistogram: { } e } => (e.Count, e.Sum, e.Min, e.Max),
            { Summary: { } s } => (s.Count, s.Sum, (double?)null, (double?)null),
            _ => ((long?)null, (double?)null, (double?)null, (double?)null),
        };
        _insertPoint.Set(4, count);
        _insertPoint.Set(5, NotNaN(sum));
        _insertPoint.Set(6, NotNaN(min));
        _insertPoint.Set(7, NotNaN(max));
        _insertPoint.Set(8, PointDataJson.Serialize(point));
        _insertPoint.Execute();
    }

    // SQLite has no NaN (Microsoft.Data.Sqlite refuses to bind one): the column holds NULL, and the point's data
    // JSON keeps the NaN a summary with no observations reports.
    private static double? NotNaN(double? value) => value is { } v && double.IsNaN(v) ? null : value;

    private long ResolveSeries(MetricSeriesInfo series)
    {
        if (TryGetCached(series, out var cached))
        {
            return cached.Id;
        }

        var resource = ResolveResource(series.Resource);
        var scope = ResolveScope(series.Scope);
        var attributes = AttributeJson.Serialize(series.Attributes);
        // The description is not identity: an instrument whose help text changes keeps its history.
        var identity = string.Join(
            '\n',
            "m",
            series.Name,
            series.Unit,
            ((int)series.Kind).ToString(CultureInfo.InvariantCulture),
            ((int)series.Temporality).ToString(CultureInfo.InvariantCulture),
            series.IsMonotonic ? "1" : "0",
            resource.Hash.ToString(CultureInfo.InvariantCulture),
            scope.Hash.ToString(CultureInfo.InvariantCulture),
            attributes);
        if (_pendingSeries.TryGetValue(identity, out var known))
        {
            _pendingByReference[series] = known;
            return known.Id;
        }

        var hash = Hash(identity);
        if (!TryGetCachedHash(('m', hash), out var id))
        {
            _upsertSeries.Set(0, hash);
            _upsertSeries.Set(1, series.Name);
            _upsertSeries.Set(2, series.Description);
            _upsertSeries.Set(3, series.Unit);
            _upsertSeries.Set(4, (int)series.Kind);
            _upsertSeries.Set(5, (int)series.Temporality);
            _upsertSeries.Set(6, series.IsMonotonic ? 1 : 0);
            _upsertSeries.Set(7, attributes);
            _upsertSeries.Set(8, series.Resource.ServiceName);
            _upsertSeries.Set(9, resource.Id);
            _upsertSeries.Set(10, scope.Id);
            id = _upsertSeries.ExecuteInt64();
            _pendingByHash[('m', hash)] = id;
        }

        _pendingByReference[series] = (id, hash);
        _pendingSeries[identity] = (id, hash);
        return id;
    }
}
