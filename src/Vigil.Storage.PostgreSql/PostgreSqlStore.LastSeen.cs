using Npgsql;
using Vigil.Model;
using static Vigil.Storage.PostgreSql.PostgreSqlCommands;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// When a service or a metric last sent anything, for absence rules (<see cref="IAlertSignalReader"/>): the newest
/// log record and span of the service (ix_logs_service_time, ix_spans_service_start) and the newest point of the
/// metric's series, each from <see cref="LastSeenQuery.Since"/> on, so partition pruning keeps a silent service cheap.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    public Task<DateTimeOffset?> GetLastSeenAsync(LastSeenQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.ServiceName) && string.IsNullOrEmpty(query.MetricName))
        {
            throw new ArgumentException("Name a service, a metric, or both.", nameof(query));
        }

        return ReadTriageAsync((connection, token) => LastSeenAsync(connection, query, token), cancellationToken);
    }

    private static async Task<DateTimeOffset?> LastSeenAsync(NpgsqlConnection connection, LastSeenQuery query, CancellationToken cancellationToken)
    {
        var since = UnixTime.ToNanoseconds(query.Since);
        await using var command = query.MetricName is null
            ? Create(
                connection,
                null,
                "SELECT greatest(" +
                "(SELECT max(p.time) FROM metric_points p JOIN metric_series s ON s.id = p.series_id WHERE s.service = $1 AND p.time >= $2), " +
                "(SELECT max(time) FROM logs WHERE service = $1 AND time >= $2), " +
                "(SELECT max(start_time) FROM spans WHERE service = $1 AND start_time >= $2))",
                query.ServiceName!,
                since)
            : Create(
                connection,
                null,
                "SELECT max(p.time) FROM metric_points p JOIN metric_series s ON s.id = p.series_id " +
                "WHERE s.name = $1 AND ($2::text IS NULL OR s.service = $2) AND p.time >= $3",
                query.MetricName,
                Text(query.ServiceName),
                since);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long time ? UnixTime.FromNanoseconds(time) : null;
    }
}
