using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Health results: the batch's probe results, and the application check results its log records carry
/// (<see cref="HealthLogRecord"/>), each stored as a run and folded into its check's current state.
/// </summary>
internal sealed partial class SqliteBatchWriter
{
    private static (PreparedCommand InsertResult, PreparedCommand UpsertState) CreateHealthCommands(SqliteConnection connection) =>
    (
        new(
            connection,
            "INSERT INTO health_results (kind, service_name, name, status, observed, time, duration, description, data, interval) " +
            "VALUES (@kind, @service, @name, @status, @observed, @time, @duration, @description, @data, @interval) RETURNING id;",
            "@kind", "@service", "@name", "@status", "@observed", "@time", "@duration", "@description", "@data", "@interval"),
        // A result older than the state's latest (a late delivery) is kept as a run but does not move the state;
        // `since` moves only when the status changes.
        new(
            connection,
            "INSERT INTO health_state (kind, service_name, name, result_id, time, status, since) " +
            "VALUES (@kind, @service, @name, @result, @time, @status, @time) " +
            "ON CONFLICT (kind, service_name, name) DO UPDATE SET " +
            "since = CASE WHEN excluded.status = health_state.status THEN health_state.since ELSE excluded.time END, " +
            "result_id = excluded.result_id, time = excluded.time, status = excluded.status " +
            "WHERE excluded.time >= health_state.time;",
            "@kind", "@service", "@name", "@result", "@time", "@status"));

    private void WriteHealth(TelemetryBatch batch)
    {
        foreach (var log in batch.Logs)
        {
            // Only records with the health event name are read at all: every other record costs one compare.
            if (log.EventName is not null && HealthLogRecordReader.TryRead(log, out var check))
            {
                WriteHealthResult(check);
            }
        }

        foreach (var result in batch.HealthResults)
        {
            WriteHealthResult(result);
        }
    }

    private void WriteHealthResult(HealthResult result)
    {
        // A caller's bug (probes are written directly): fail the batch rather than store a check nobody can name.
        if (string.IsNullOrWhiteSpace(result.Name) || !Enum.IsDefined(result.Kind) || !Enum.IsDefined(result.Status) || !Enum.IsDefined(result.Observed))
        {
            throw new ArgumentException($"A health result needs a name and a defined kind and status; got '{result.Name}' ({result.Kind}, {result.Status}, {result.Observed}).", nameof(result));
        }

        var service = result.ServiceName ?? string.Empty;
        var time = UnixTime.ToNanoseconds(result.Timestamp);
        _insertHealthResult.Set(0, (int)result.Kind);
        _insertHealthResult.Set(1, service);
        _insertHealthResult.Set(2, result.Name);
        _insertHealthResult.Set(3, (int)result.Status);
        _insertHealthResult.Set(4, (int)result.Observed);
        _insertHealthResult.Set(5, time);
        _insertHealthResult.Set(6, UnixTime.ToNanoseconds(result.Duration < TimeSpan.Zero ? TimeSpan.Zero : result.Duration));
        _insertHealthResult.Set(7, result.Description);
        _insertHealthResult.Set(8, AttributeJson.Serialize(result.Data));
        // No positive interval is no interval: such a state could only ever be stale, which says nothing.
        _insertHealthResult.Set(9, result.Interval is { } interval && interval > TimeSpan.Zero ? UnixTime.ToNanoseconds(interval) : null);
        var id = _insertHealthResult.ExecuteInt64();

        _upsertHealthState.Set(0, (int)result.Kind);
        _upsertHealthState.Set(1, service);
        _upsertHealthState.Set(2, result.Name);
        _upsertHealthState.Set(3, id);
        _upsertHealthState.Set(4, time);
        _upsertHealthState.Set(5, (int)result.Status);
        _upsertHealthState.Execute();
    }
}
