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

    private List<MetricSeriesData> LoadSeries(SqliteConnection connection, MetricQuery query)
    {
        var series = new List<(long Id, MetricSeriesInfo Info)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText =
                "SELECT id, description, unit, kind, temporality, monotonic, attributes, resource_id, scope_id " +
                "FROM metric_series WHERE name = @name AND (@service IS NULL OR service_name = @service) ORDER BY id;";
            command.Parameters.AddWithValue("@name", query.Name);
            command.Parameters.AddWithValue("@service", (object?)query.ServiceName ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var info = new MetricSeriesInfo
                {
                    Name = query.Name,
                    Description = GetNullableString(reader, 1),
                    Unit = GetNullableString(reader, 2),
                    Kind = (MetricKind)reader.GetInt32(3),
                    Temporality = (AggregationTemporality)reader.GetInt32(4),
                    IsMonotonic = reader.GetInt64(5) != 0,
                    Attributes = AttributeJson.Deserialize(reader.GetString(6)),
                    Resource = GetResource(connection, reader.GetInt64(7)),
                    Scope = GetScope(connection, reader.GetInt64(8)),
                };
                if (MatchesAttributes(info, query.Attributes))
                {
                    series.Add((reader.GetInt64(0), info));
                }
            }
        }

        using var before = connection.CreateCommand();
        before.CommandText =
            "SELECT time, start_time, value, data FROM metric_points WHERE series_id = @series AND time < @from ORDER BY time DESC LIMIT 1;";
        var beforeSeries = before.Parameters.Add("@series", SqliteType.Integer);
        before.Parameters.AddWithValue("@from", UnixTime.ToNanoseconds(query.From));
        using var range = connection.CreateCommand();
        range.CommandText =
            "SELECT time, start_time, value, data FROM metric_points WHERE series_id = @series AND time >= @from AND time < @to ORDER BY time, id;";
        var rangeSeries = range.Parameters.Add("@series", SqliteType.Integer);
        range.Parameters.AddWithValue("@from", UnixTime.ToNanoseconds(query.From));
        range.Parameters.AddWithValue("@to", UnixTime.ToNanoseconds(query.To));

        var result = new List<MetricSeriesData>(series.Count);
        foreach (var (id, info) in series)
        {
            var points = new List<MetricPoint>();
            beforeSeries.Value = id;
            ReadPoints(before, info, points);
            rangeSeries.Value = id;
            ReadPoints(range, info, points);
            result.Add(new MetricSeriesData(info, points));
        }

        return result;
    }

    private static void ReadPoints(SqliteCommand command, MetricSeriesInfo info, List<MetricPoint> points)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            points.Add(PointDataJson.Deserialize(
                info,
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                GetNullableString(reader, 3)));
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
}
