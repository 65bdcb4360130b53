using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// When a service or a metric last sent anything, for absence rules. Log blocks and metric points answer from their
/// indexes (a service's newest block; each series' newest point). Spans have no per-service index, so they are read
/// newest first by start time, and only those newer than what logs and metrics already found, down to the query's
/// <see cref="LastSeenQuery.Since"/>: cheap for a live service, bounded for a silent one.
/// </summary>
internal sealed partial class SqliteStore
{
    public Task<DateTimeOffset?> GetLastSeenAsync(LastSeenQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.ServiceName) && string.IsNullOrEmpty(query.MetricName))
        {
            throw new ArgumentException("Name a service, a metric, or both.", nameof(query));
        }

        return ReadAsync(connection => LastSeen(connection, query), cancellationToken);
    }

    private static DateTimeOffset? LastSeen(SqliteConnection connection, LastSeenQuery query)
    {
        var since = UnixTime.ToNanoseconds(query.Since);
        long? latest = MetricLastSeen(connection, query.MetricName, query.ServiceName, since);
        if (query.MetricName is null)
        {
            latest = Max(latest, Scalar(connection, "SELECT max(max_time) FROM log_blocks WHERE service_name = @service AND max_time >= @since;", query.ServiceName, since));
            latest = Max(latest, Scalar(
                connection,
                "SELECT start_time FROM spans WHERE start_time >= @since AND service_name = @service ORDER BY start_time DESC LIMIT 1;",
                query.ServiceName,
                latest is { } found ? Math.Max(found + 1, since) : since));
        }

        return latest is { } time ? UnixTime.FromNanoseconds(time) : null;
    }

    /// <summary>The newest point of the metric's series (or of every series of the service, when no metric is named).</summary>
    private static long? MetricLastSeen(SqliteConnection connection, string? metric, string? service, long since)
    {
        var sql = "SELECT max((SELECT max(p.time) FROM metric_points p WHERE p.series_id = s.id AND p.time >= @since)) FROM metric_series s WHERE " +
            (metric is null ? "s.service_name = @service;" : "s.name = @metric AND (@service IS NULL OR s.service_name = @service);");
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@metric", (object?)metric ?? DBNull.Value);
        command.Parameters.AddWithValue("@service", (object?)service ?? DBNull.Value);
        command.Parameters.AddWithValue("@since", since);
        return command.ExecuteScalar() is long time ? time : null;
    }

    private static long? Scalar(SqliteConnection connection, string sql, string? service, long since)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@service", (object?)service ?? DBNull.Value);
        command.Parameters.AddWithValue("@since", since);
        return command.ExecuteScalar() is long time ? time : null;
    }

    private static long? Max(long? a, long? b) => a is { } x && b is { } y ? Math.Max(x, y) : a ?? b;
}
