using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Health persistence for <see cref="TelemetryWritePipeline"/>, on the batch's connection and transaction.
/// Not written yet (pg-triage): each member throws <see cref="NotImplementedException"/>.
/// </summary>
internal sealed class PostgreSqlHealthPersistence(NpgsqlConnection connection, NpgsqlTransaction transaction) : IHealthPersistence
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public long InsertResult(HealthResult result) => throw new NotImplementedException();

    public HealthCheckState? FindState(HealthSourceKind kind, string serviceName, string name) => throw new NotImplementedException();

    public void SetState(HealthSourceKind kind, string serviceName, string name, HealthCheckState state) => throw new NotImplementedException();
}
