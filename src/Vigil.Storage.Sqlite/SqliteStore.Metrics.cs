using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Metric queries: SQL finds the series and points, <see cref="MetricAggregator"/> does the maths.</summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<MetricSummary>>(connection => WithReadings(connection, ListMetrics(connection)), cancellationToken);

    public Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(query.Step, TimeSpan.Zero);
        return ReadAsync(connection => MetricAggregator.Aggregate(query, LoadSeries(connection, query)), cancellationToken);
    }

    private static List<MetricSummary> ListMetrics(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // For each series its newest point (one index probe on (series_id, time) per series).
        command.CommandText =
            "SELECT s.name, s.kind, s.unit, s.description, p.time, p.value, p.count FROM metric_series s " +
            "LEFT JOIN metric_points p ON p.id = (SELECT id FROM metric_points WHERE series_id = s.id ORDER BY time DESC LIMIT 1) " +
            "ORDER BY s.name, s.id;";
        using var reader = command.ExecuteReader();
        var result = new List<MetricSummary>();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            long? time = reader.IsDBNull(4) ? null : reader.GetInt64(4);
            double? latest = !reader.IsDBNull(5) ? reader.GetDouble(5) : reader.IsDBNull(6) ? null : reader.GetInt64(6);
            var entry = new MetricSummary
            {
                Name = name,
                Kind = (MetricKind)reader.GetInt32(1),
                Unit = GetNullableString(reader, 2),
                Description = GetNullableString(reader, 3),
                SeriesCount = 1,
                LatestValue = latest,
                LatestTime = time is { } t ? UnixTime.FromNanoseconds(t) : null,
            };
            if (result.Count > 0 && result[^1].Name == name)
            {
                var previous = result[^1];
                var newer = entry.LatestTime > previous.LatestTime || previous.LatestTime is null;
                result[^1] = (newer ? entry : previous) with
                {
                    SeriesCount = previous.SeriesCount + 1,
                    Description = entry.Description ?? previous.Description,
                };
            }
            else
            {
                result.Add(entry);
            }
        }

        return result;
    }

    /// <summary>Each metric's <see cref="MetricReading"/>: one windowed query per metric, over the same maths as any query.</summary>
    private List<MetricSummary> WithReadings(SqliteConnection connection, List<MetricSummary> metrics)
    {
        var result = new List<MetricSummary>(metrics.Count);
        foreach (var metric in metrics)
        {
            if (metric.LatestTime is not { } latest)
            {
                result.Add(metric);
                continue;
            }

            var query = MetricReading.QueryFor(metric.Name, latest);
            var series = LoadSeries(connection, query);
            var monotonic = series.Count > 0 && series[0].Series.IsMonotonic;
            result.Add(MetricReading.Apply(metric, monotonic, MetricAggregator.Aggregate(query, series)));
        }

        return result;
    }

    /// <summary>
    /// The most series whose parsed form is kept; past it the cache starts again. An alert rule over a metric reads all
    /// of its series at every evaluation, and parsing their attribute JSON was a fifth of what such a rule cost.
    /// </summary>
    private const int MaxSeriesInfos = 100_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, (SeriesRow Row, MetricSeriesInfo Info)> _seriesInfos = new();

    /// <summary>
    /// The series a <c>metric_series</c> row stands for, parsed once per row: the same row (ids can be reused once
    /// retention deletes a series, so the whole row is compared) gives the same series. Every reader of series rows
    /// (metric queries, push) comes here.
    /// </summary>
    private MetricSeriesInfo SeriesInfo(SqliteConnection connection, long id, SeriesRow row)
    {
        if (_seriesInfos.TryGetValue(id, out var known) && known.Row == row)
        {
            return known.Info;
        }

        var info = new MetricSeriesInfo
        {
            Name = row.Name,
            Description = row.Description,
            Unit = row.Unit,
            Kind = (MetricKind)row.Kind,
            Temporality = (AggregationTemporality)row.Temporality,
            IsMonotonic = row.Monotonic,
            Attributes = AttributeJson.Deserialize(row.Attributes),
            Resource = GetResource(connection, row.ResourceId),
            Scope = GetScope(connection, row.ScopeId),
        };
        if (_seriesInfos.Count >= MaxSeriesInfos)
        {
            _seriesInfos.Clear();
        }

        _seriesInfos[id] = (row, info);
        return info;
    }

    /// <summary>
    /// A series row's columns from <paramref name="first"/> on, in this order: description, unit, kind, temporality,
    /// monotonic, attributes, resource_id, scope_id.
    /// </summary>
    private static SeriesRow ReadSeriesRow(SqliteDataReader reader, string name, int first) => new(
        name,
        GetNullableString(reader, first),
        GetNullableString(reader, first + 1),
        reader.GetInt32(first + 2),
        reader.GetInt32(first + 3),
        reader.GetInt64(first + 4) != 0,
        reader.GetString(first + 5),
        reader.GetInt64(first + 6),
        reader.GetInt64(first + 7));

    private List<MetricSeriesData> LoadSeries(SqliteConnection connection, MetricQuery query)
    {
        var series = ReadSeriesOf(connection, query.Name, query.ServiceName).Where(s => MatchesAttributes(s.Info, query.Attributes)).ToList();
        return series.Count == 0 ? [] : LoadPoints(connection, query, series);
    }

    /// <summary>Every series of one metric name (and service, when given), in id order.</summary>
    private List<(long Id, MetricSeriesInfo Info)> ReadSeriesOf(SqliteConnection connection, string name, string? service)
    {
        var series = new List<(long Id, MetricSeriesInfo Info)>();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, description, unit, kind, temporality, monotonic, attributes, resource_id, scope_id " +
            "FROM metric_series WHERE name = @name AND (@service IS NULL OR service_name = @service) ORDER BY id;";
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@service", (object?)service ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var seriesId = reader.GetInt64(0);
            series.Add((seriesId, SeriesInfo(connection, seriesId, ReadSeriesRow(reader, name, 1))));
        }

        return series;
    }

    /// <summary>
    /// Every chosen series' last point before the window (where a rate starts from), then its points in the window, in
    /// two statements for the metric rather than two per series: an alert rule over a metric of a hundred series ran
    /// two hundred statements per evaluation, and the statements' own cost, not the index probes, was most of it. The
    /// window's rows come in (series, time, id) order straight from the (series_id, time) index, so nothing is sorted.
    /// </summary>
    private static List<MetricSeriesData> LoadPoints(SqliteConnection connection, MetricQuery query, List<(long Id, MetricSeriesInfo Info)> series)
    {
        const string Columns = "SELECT p.series_id, p.time, p.start_time, p.value, p.data FROM metric_points p WHERE ";
        const string Series = "FROM metric_series s WHERE s.name = @name AND (@service IS NULL OR s.service_name = @service)";
        var points = new Dictionary<long, (MetricSeriesInfo Info, List<MetricPoint> Points)>(series.Count);
        foreach (var (id, info) in series)
        {
            points[id] = (info, []);
        }

        ReadPoints(
            connection,
            query,
            Columns + $"p.id IN (SELECT (SELECT b.id FROM metric_points b WHERE b.series_id = s.id AND b.time < @from ORDER BY b.time DESC LIMIT 1) {Series});",
            points);
        ReadPoints(
            connection,
            query,
            Columns + $"p.series_id IN (SELECT s.id {Series}) AND p.time >= @from AND p.time < @to ORDER BY p.series_id, p.time, p.id;",
            points);
        return [.. series.Select(s => new MetricSeriesData(s.Info, points[s.Id].Points))];
    }

    private static void ReadPoints(SqliteConnection connection, MetricQuery query, string sql, Dictionary<long, (MetricSeriesInfo Info, List<MetricPoint> Points)> points)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@name", query.Name);
        command.Parameters.AddWithValue("@service", (object?)query.ServiceName ?? DBNull.Value);
        command.Parameters.AddWithValue("@from", UnixTime.ToNanoseconds(query.From));
        command.Parameters.AddWithValue("@to", UnixTime.ToNanoseconds(query.To));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!points.TryGetValue(reader.GetInt64(0), out var of))
            {
                continue; // a series the attribute filters left out, or one written since the series were read
            }

            of.Points.Add(PointDataJson.Deserialize(
                of.Info,
                reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                GetNullableString(reader, 4)));
        }
    }

    private static bool MatchesAttributes(MetricSeriesInfo info, IReadOnlyList<KeyValuePair<string, string>> filters)
    {
        foreach (var filter in filters)
        {
            var matched = false;
            foreach (var attribute in info.Attributes)
            {
                if (attribute.Key == filter.Key && TelemetryAttributes.ToFilterText(attribute.Value) == filter.Value)
                {
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A <c>metric_series</c> row as stored, before its JSON is parsed.</summary>
    private sealed record SeriesRow(
        string Name, string? Description, string? Unit, int Kind, int Temporality, bool Monotonic, string Attributes, long ResourceId, long ScopeId);
}
