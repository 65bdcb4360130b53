using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Health results in SQLite: <see cref="IHealthPersistence"/> over prepared commands, on the batch writer's
/// connection and transaction. Which result moves a check's state is <see cref="TelemetryWritePipeline"/>'s call.
/// </summary>
internal sealed class SqliteHealthPersistence : IHealthPersistence
{
    // Properties, not fields: the batch writer owns and disposes the commands (through All), as it does the others.
    private PreparedCommand InsertResultCommand { get; }

    private PreparedCommand FindStateCommand { get; }

    private PreparedCommand SetStateCommand { get; }

    public SqliteHealthPersistence(SqliteConnection connection)
    {
        InsertResultCommand = new(
            connection,
            "INSERT INTO health_results (kind, service_name, name, status, observed, time, duration, description, data, interval) " +
            "VALUES (@kind, @service, @name, @status, @observed, @time, @duration, @description, @data, @interval) RETURNING id;",
            "@kind", "@service", "@name", "@status", "@observed", "@time", "@duration", "@description", "@data", "@interval");
        FindStateCommand = new(
            connection,
            "SELECT result_id, time, status, since FROM health_state WHERE kind = @kind AND service_name = @service AND name = @name;",
            "@kind", "@service", "@name");
        SetStateCommand = new(
            connection,
            "INSERT INTO health_state (kind, service_name, name, result_id, time, status, since) " +
            "VALUES (@kind, @service, @name, @result, @time, @status, @since) " +
            "ON CONFLICT (kind, service_name, name) DO UPDATE SET " +
            "result_id = excluded.result_id, time = excluded.time, status = excluded.status, since = excluded.since;",
            "@kind", "@service", "@name", "@result", "@time", "@status", "@since");
        All = [InsertResultCommand, FindStateCommand, SetStateCommand];
    }

    public IReadOnlyList<PreparedCommand> All { get; }

    public long InsertResult(HealthResult result)
    {
        InsertResultCommand.Set(0, (int)result.Kind);
        InsertResultCommand.Set(1, result.ServiceName ?? string.Empty);
        InsertResultCommand.Set(2, result.Name);
        InsertResultCommand.Set(3, (int)result.Status);
        InsertResultCommand.Set(4, (int)result.Observed);
        InsertResultCommand.Set(5, UnixTime.ToNanoseconds(result.Timestamp));
        InsertResultCommand.Set(6, UnixTime.ToNanoseconds(result.Duration));
        InsertResultCommand.Set(7, result.Description);
        InsertResultCommand.Set(8, AttributeJson.Serialize(result.Data));
        InsertResultCommand.Set(9, result.Interval is { } interval ? UnixTime.ToNanoseconds(interval) : null);
        return InsertResultCommand.ExecuteInt64();
    }

    public HealthCheckState? FindState(HealthSourceKind kind, string serviceName, string name)
    {
        FindStateCommand.Set(0, (int)kind);
        FindStateCommand.Set(1, serviceName);
        FindStateCommand.Set(2, name);
        using var reader = FindStateCommand.ExecuteReader();
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
        SetStateCommand.Set(0, (int)kind);
        SetStateCommand.Set(1, serviceName);
        SetStateCommand.Set(2, name);
        SetStateCommand.Set(3, state.ResultId);
        SetStateCommand.Set(4, UnixTime.ToNanoseconds(state.Time));
        SetStateCommand.Set(5, (int)state.Status);
        SetStateCommand.Set(6, UnixTime.ToNanoseconds(state.Since));
        SetStateCommand.Execute();
    }
}
