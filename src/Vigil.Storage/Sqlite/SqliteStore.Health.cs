using Microsoft.Data.Sqlite;
using Vigil.Storage.Internal;

namespace Vigil.Storage.Sqlite;

/// <summary>Health states: each check's and probe's latest result and since when its status holds.</summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync<IReadOnlyList<HealthState>>(connection => QueryHealth(connection, query), cancellationToken);
    }

    private static List<HealthState> QueryHealth(SqliteConnection connection, HealthQuery query)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT s.kind, s.service_name, s.name, r.status, r.observed, r.time, r.duration, r.description, r.data, s.since " +
            "FROM health_state s JOIN health_results r ON r.id = s.result_id " +
            "WHERE (@service IS NULL OR s.service_name = @service) AND (@kind IS NULL OR s.kind = @kind) " +
            "ORDER BY s.kind, s.service_name, s.name;";
        command.Parameters.AddWithValue("@service", (object?)query.ServiceName ?? DBNull.Value);
        command.Parameters.AddWithValue("@kind", query.Kind is { } kind ? (int)kind : DBNull.Value);
        using var reader = command.ExecuteReader();
        var result = new List<HealthState>();
        while (reader.Read())
        {
            var service = reader.GetString(1);
            result.Add(new HealthState
            {
                Latest = new HealthResult
                {
                    Kind = (HealthSourceKind)reader.GetInt32(0),
                    ServiceName = service.Length == 0 ? null : service,
                    Name = reader.GetString(2),
                    Status = (HealthStatus)reader.GetInt32(3),
                    Observed = (HealthStatus)reader.GetInt32(4),
                    Timestamp = UnixTime.FromNanoseconds(reader.GetInt64(5)),
                    Duration = TimeSpan.FromTicks(reader.GetInt64(6) / 100),
                    Description = GetNullableString(reader, 7),
                    Data = AttributeJson.Deserialize(reader.GetString(8)),
                },
                Since = UnixTime.FromNanoseconds(reader.GetInt64(9)),
            });
        }

        return result;
    }
}
