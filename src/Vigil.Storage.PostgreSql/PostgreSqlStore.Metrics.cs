using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Metric queries: SQL finds the series and points, <see cref="MetricAggregator"/> does the maths.</summary>
internal sealed partial class PostgreSqlStore
{
    public async Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var metrics = await ListMetricsAsync(connection, cancellationToken).ConfigureAwait(false);
        var result = new List<MetricSummary>(metrics.Count);
        foreach (var metric in metrics)
        {
            if (metric.LatestTime is not { } latest)
            {
                result.Add(metric);
                continue;
            }

            // Each metric's reading: one windowed query per metric, over the same maths as any query.
            var query = MetricReading.QueryFor(metric.Name, latest);
            var series = await LoadSeriesAsync(connection, query, cancellationToken).ConfigureAwait(false);
            var monotonic = series.Count > 0 && series[0].Series.IsMonotonic;
            result.Add(MetricReading.Apply(metric, monotonic, MetricAggregator.Aggregate(query, series)));
        }

        return result;
    }

    public async Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Name);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(query.Step, TimeSpan.Zero);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return MetricAggregator.Aggregate(query, await LoadSeriesAsync(connection, query, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<List<MetricSummary>> ListMetricsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // For each series its newest point (one index probe on (series_id, time) per series and partition).
        await using var command = new NpgsqlCommand(
            "SELECT s.name, s.kind, s.unit, s.description, p.time, p.value, p.count FROM metric_series s " +
            "LEFT JOIN LATERAL (SELECT time, value, count FROM metric_points WHERE series_id = s.id ORDER BY time DESC LIMIT 1) p ON true " +
            "ORDER BY s.name, s.id",
            connection);
        var result = new List<MetricSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = reader.GetString(0);
            long? time = reader.IsDBNull(4) ? null : reader.GetInt64(4);
            double? latest = !reader.IsDBNull(5) ? reader.GetDouble(5) : reader.IsDBNull(6) ? null : reader.GetInt64(6);
            var entry = new MetricSummary
            {
                Name = name,
                Kind = (MetricKind)reader.GetInt32(1),
                Unit = reader.IsDBNull(2) ? null : reader.GetString(2),
                Description = reader.IsDBNull(3) ? null : reader.GetString(3),
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

    private static async Task<List<MetricSeriesData>> LoadSeriesAsync(NpgsqlConnection connection, MetricQuery query, CancellationToken cancellationToken)
    {
        var series = (await ReadSeriesOfAsync(connection, query.Name, query.ServiceName, cancellationToken).ConfigureAwait(false))
            .Where(s => MatchesAttributes(s.Info, query.Attributes)).ToList();
        var result = new List<MetricSeriesData>(series.Count);
        await using var points = new NpgsqlCommand(
            "(SELECT time, start_time, value, record FROM metric_points WHERE series_id = @series AND time < @from ORDER BY time DESC LIMIT 1) " +
            "UNION ALL (SELECT time, start_time, value, record FROM metric_points WHERE series_id = @series AND time >= @from AND time < @to ORDER BY time)",
            connection);
        var seriesParameter = points.Parameters.Add("series", NpgsqlTypes.NpgsqlDbType.Bigint);
        points.Parameters.AddWithValue("from", UnixTime.ToNanoseconds(query.From));
        points.Parameters.AddWithValue("to", UnixTime.ToNanoseconds(query.To));
        foreach (var (id, info) in series)
        {
            seriesParameter.Value = id;
            var list = new List<MetricPoint>();
            await using (var reader = await points.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var time = UnixTime.FromNanoseconds(reader.GetInt64(0));
                    DateTimeOffset? start = reader.IsDBNull(1) ? null : UnixTime.FromNanoseconds(reader.GetInt64(1));
                    double? value = reader.IsDBNull(2) ? null : reader.GetDouble(2);
                    var point = reader.IsDBNull(3) ? new MetricPoint() : RecordJson.Read<MetricPoint>(reader.GetString(3));
                    list.Add(point with { Series = info, Timestamp = time, StartTimestamp = start, Value = value });
                }
            }

            // The point before the range first, then the range in time order (a stable sort keeps equal times as read).
            result.Add(new MetricSeriesData(info, [.. list.OrderBy(p => p.Timestamp)]));
        }

        return result;
    }

    /// <summary>Every series of one metric name (and service, when given), in id order.</summary>
    private static async Task<List<(long Id, MetricSeriesInfo Info)>> ReadSeriesOfAsync(
        NpgsqlConnection connection, string name, string? service, CancellationToken cancellationToken)
    {
        var series = new List<(long Id, MetricSeriesInfo Info)>();
        await using var command = new NpgsqlCommand(
            "SELECT id, description, info FROM metric_series WHERE name = @name AND (@service::text IS NULL OR service = @service) ORDER BY id",
            connection);
        command.Parameters.AddWithValue("name", PostgreSqlText.Clean(name));
        command.Parameters.AddWithValue("service", NpgsqlTypes.NpgsqlDbType.Text, (object?)PostgreSqlText.CleanOrNull(service) ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            series.Add((reader.GetInt64(0), RecordJson.Read<MetricSeriesInfo>(reader.GetString(2)) with { Description = reader.IsDBNull(1) ? null : reader.GetString(1) }));
        }

        return series;
    }

    private static bool MatchesAttributes(MetricSeriesInfo info, IReadOnlyList<KeyValuePair<string, string>> filters) =>
        filters.All(filter => info.Attributes.Any(a => a.Key == filter.Key && TelemetryAttributes.ToFilterText(a.Value) == filter.Value));
}
