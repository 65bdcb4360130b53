using Npgsql;
using Vigil.Model;
using Vigil.Model.Json;
using static Vigil.Storage.PostgreSql.PostgreSqlCommands;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Health results in PostgreSQL: <see cref="IHealthPersistence"/> as plain statements on the batch's transaction.
/// Which result moves a check's state is the pipeline's call.
/// </summary>
internal sealed class PostgreSqlHealthPersistence(NpgsqlConnection connection, NpgsqlTransaction batch) : IHealthPersistence
{
    private readonly PostgreSqlTriageTransaction _transaction = new(connection, batch);

    public long InsertResult(HealthResult result)
    {
        using var command = _transaction.Command(
            "INSERT INTO health_results (kind, service_name, name, status, observed, time, duration, description, data, interval) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
            (int)result.Kind,
            result.ServiceName ?? string.Empty,
            result.Name,
            (int)result.Status,
            (int)result.Observed,
            UnixTime.ToNanoseconds(result.Timestamp),
            UnixTime.ToNanoseconds(result.Duration),
            Text(result.Description),
            AttributeJson.Serialize(result.Data),
            Int64(result.Interval is { } interval ? UnixTime.ToNanoseconds(interval) : null));
        return (long)command.ExecuteScalar()!;
    }

    public HealthCheckState? FindState(HealthSourceKind kind, string serviceName, string name)
    {
        using var command = _transaction.Command(
            "SELECT result_id, time, status, since FROM health_state WHERE kind = $1 AND service_name = $2 AND name = $3",
            (int)kind, serviceName, name);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new HealthCheckState(
                reader.GetInt64(0),
                UnixTime.FromNanoseconds(reader.GetInt64(1)),
                (HealthStatus)reader.GetInt32(2),
                UnixTime.FromNanoseconds(reader.GetInt64(3)))
            : null;
    }

    public void SetState(HealthSourceKind kind, string serviceName, string name, HealthCheckState state)
    {
        using var command = _transaction.Command(
            "INSERT INTO health_state (kind, service_name, name, result_id, time, status, since) VALUES ($1, $2, $3, $4, $5, $6, $7) " +
            "ON CONFLICT (kind, service_name, name) DO UPDATE SET " +
            "result_id = excluded.result_id, time = excluded.time, status = excluded.status, since = excluded.since",
            (int)kind,
            serviceName,
            name,
            state.ResultId,
            UnixTime.ToNanoseconds(state.Time),
            (int)state.Status,
            UnixTime.ToNanoseconds(state.Since));
        command.ExecuteNonQuery();
    }
}
