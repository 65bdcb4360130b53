using System.Text;
using Npgsql;
using Vigil.Model;
using Vigil.Model.Text;

namespace Vigil.Storage.PostgreSql;

/// <summary>Each series' newest point, in one statement.</summary>
internal sealed partial class PostgreSqlStore
{
    /// <summary>
    /// The series in (name, id) order, each with its newest point by a lateral probe of
    /// <c>ix_metric_points_series_time</c> from its end (per partition, merged by the planner's MergeAppend, the newest
    /// day answering first). The name pattern is a LIKE (case-sensitive, as the pattern is).
    /// </summary>
    public async Task<IReadOnlyList<MetricPoint>> ReadLatestPointsAsync(LatestPointsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT s.description, s.info, p.time, p.start_time, p.value, p.record FROM metric_series s " +
            "JOIN LATERAL (SELECT time, start_time, value, record FROM metric_points WHERE series_id = s.id ORDER BY time DESC LIMIT 1) p ON true " +
            @"WHERE (@pattern::text IS NULL OR s.name LIKE @pattern ESCAPE '\') ORDER BY s.name COLLATE ""C"", s.id LIMIT @limit",
            connection);
        command.Parameters.AddWithValue("pattern", NpgsqlTypes.NpgsqlDbType.Text, query.NamePattern is { } pattern ? ToLike(PostgreSqlText.Clean(pattern)) : DBNull.Value);
        command.Parameters.AddWithValue("limit", query.Limit);
        var points = new List<MetricPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var info = RecordJson.Read<MetricSeriesInfo>(reader.GetString(1)) with { Description = reader.IsDBNull(0) ? null : reader.GetString(0) };
            var point = reader.IsDBNull(5) ? new MetricPoint() : RecordJson.Read<MetricPoint>(reader.GetString(5));
            points.Add(point with
            {
                Series = info,
                Timestamp = UnixTime.FromNanoseconds(reader.GetInt64(2)),
                StartTimestamp = reader.IsDBNull(3) ? null : UnixTime.FromNanoseconds(reader.GetInt64(3)),
                Value = reader.IsDBNull(4) ? null : reader.GetDouble(4),
            });
        }

        return points;
    }

    /// <summary>A <see cref="NamePattern"/> as LIKE: <c>*</c> becomes <c>%</c>; <c>%</c>, <c>_</c> and the escape made literal.</summary>
    private static string ToLike(string pattern)
    {
        var like = new StringBuilder(pattern.Length + 8);
        foreach (var c in pattern)
        {
            _ = c switch
            {
                NamePattern.Wildcard => like.Append('%'),
                '%' or '_' or '\\' => like.Append('\\').Append(c),
                _ => like.Append(c),
            };
        }

        return like.ToString();
    }
}
