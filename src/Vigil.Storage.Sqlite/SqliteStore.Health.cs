using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Health states: each check's and probe's latest result, since when its status holds, and whether it is stale
/// (<see cref="HealthStaleness"/>, judged by the store's clock); states not heard from for a day are left out.
/// </summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync<IReadOnlyList<HealthState>>(connection => QueryHealth(connection, query, _clock.GetUtcNow()), cancellationToken);
    }

    private static List<HealthState> QueryHealth(SqliteConnection connection, HealthQuery query, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT s.kind, s.service_name, s.name, r.status, r.observed, r.time, r.duration, r.description, r.data, s.since, r.interval " +
            "FROM health_state s JOIN health_results r ON r.id = s.result_id " +
            "WHERE (@service IS NULL OR s.service_name = @service) AND (@kind IS NULL OR s.kind = @kind) AND s.time >= @forgetBefore " +
            "ORDER BY s.kind, s.service_name, s.name;";
        command.Parameters.AddWithValue("@service", (object?)query.ServiceName ?? DBNull.Value);
        command.Parameters.AddWithValue("@kind", query.Kind is { } kind ? (int)kind : DBNull.Value);
        command.Parameters.AddWithValue("@forgetBefore", UnixTime.ToNanoseconds(HealthStaleness.ForgetBefore(now)));
        using var reader = command.ExecuteReader();
        var result = new List<HealthState>();
        while (reader.Read())
        {
            var service = reader.GetString(1);
            var latest = new HealthResult
            {
                Kind = (HealthSourceKind)reader.GetInt32(0),
                ServiceName = service.Length == 0 ? null : service,
                Name = reader.GetString(2),
                Status = (HealthStatus)reader.GetInt32(3),
                Observed = (HealthStatus)reader.GetInt32(4),
                Timestamp = UnixTime.FromNanoseconds(reader.GetInt64(5)),
                Duration = UnixTime.DurationFromNanoseconds(reader.GetInt64(6)),
                Description = GetNullableString(reader, 7),
                Data = AttributeJson.Deserialize(reader.GetString(8)),
                Interval = reader.IsDBNull(10) ? null : UnixTime.DurationFromNanoseconds(reader.GetInt64(10)),
            };
            result.Add(new HealthState
            {
                Latest = latest,
                Since = UnixTime.FromNanoseconds(reader.GetInt64(9)),
                IsStale = HealthStaleness.IsStale(latest, now, query.StaleAfter),
            });
        }

        return result;
    }
}
