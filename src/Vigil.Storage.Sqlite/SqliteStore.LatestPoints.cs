using System.Text;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Text;

namespace Vigil.Storage.Sqlite;

/// <summary>Each series' newest point, in one statement.</summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<MetricPoint>> ReadLatestPointsAsync(LatestPointsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return ReadAsync<IReadOnlyList<MetricPoint>>(connection => ReadLatestPoints(connection, query), cancellationToken);
    }

    /// <summary>
    /// The series in (name, id) order from <c>ix_metric_series_name</c> (GLOB with a literal prefix is a range of that
    /// index), each joined to its newest point by one probe of <c>ix_metric_points_series_time</c> from its end: the
    /// index holds the row id after the time, so <c>time DESC, id DESC</c> is its own order and a tie at one time goes
    /// to the point written last.
    /// </summary>
    private List<MetricPoint> ReadLatestPoints(SqliteConnection connection, LatestPointsQuery query)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT s.id, s.name, s.description, s.unit, s.kind, s.temporality, s.monotonic, s.attributes, s.resource_id, s.scope_id, " +
            "p.time, p.start_time, p.value, p.data FROM metric_series s " +
            "JOIN metric_points p ON p.id = (SELECT b.id FROM metric_points b WHERE b.series_id = s.id ORDER BY b.time DESC, b.id DESC LIMIT 1) " +
            "WHERE (@pattern IS NULL OR s.name GLOB @pattern) ORDER BY s.name, s.id LIMIT @limit;";
        command.Parameters.AddWithValue("@pattern", query.NamePattern is { } pattern ? ToGlob(pattern) : DBNull.Value);
        command.Parameters.AddWithValue("@limit", query.Limit);
        using var reader = command.ExecuteReader();
        var points = new List<MetricPoint>();
        while (reader.Read())
        {
            var info = SeriesInfo(connection, reader.GetInt64(0), ReadSeriesRow(reader, reader.GetString(1), 2));
            points.Add(PointDataJson.Deserialize(
                info,
                reader.GetInt64(10),
                reader.IsDBNull(11) ? null : reader.GetInt64(11),
                reader.IsDBNull(12) ? null : reader.GetDouble(12),
                GetNullableString(reader, 13)));
        }

        return points;
    }

    /// <summary>A <see cref="NamePattern"/> as SQLite's GLOB (case-sensitive, as the pattern is): <c>?</c> and <c>[</c> made literal.</summary>
    private static string ToGlob(string pattern)
    {
        var glob = new StringBuilder(pattern.Length + 8);
        foreach (var c in pattern)
        {
            _ = c switch
            {
                '?' => glob.Append("[?]"),
                '[' => glob.Append("[[]"),
                _ => glob.Append(c),
            };
        }

        return glob.ToString();
    }
}
