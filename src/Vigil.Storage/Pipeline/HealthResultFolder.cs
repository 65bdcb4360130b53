using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Health results: the batch's probe results, and the application check results its log records carry
/// (<see cref="HealthLogRecord"/>), each stored as a run and folded into its check's current state.
/// </summary>
internal static class HealthResultFolder
{
    public static void Write(TelemetryBatch batch, IHealthPersistence store)
    {
        foreach (var log in batch.Logs)
        {
            // Only records with the health event name are read at all: every other record costs one compare.
            if (log.EventName is not null && HealthLogRecordReader.TryRead(log, out var check))
            {
                Write(check, store);
            }
        }

        foreach (var result in batch.HealthResults)
        {
            Write(result, store);
        }
    }

    private static void Write(HealthResult result, IHealthPersistence store)
    {
        // A caller's bug (probes are written directly): fail the batch rather than store a check nobody can name.
        if (string.IsNullOrWhiteSpace(result.Name) || !Enum.IsDefined(result.Kind) || !Enum.IsDefined(result.Status) || !Enum.IsDefined(result.Observed))
        {
            throw new ArgumentException($"A health result needs a name and a defined kind and status; got '{result.Name}' ({result.Kind}, {result.Status}, {result.Observed}).", nameof(result));
        }

        var service = result.ServiceName ?? string.Empty;
        var id = store.InsertResult(result with
        {
            ServiceName = service,
            Duration = result.Duration < TimeSpan.Zero ? TimeSpan.Zero : result.Duration,
            // No positive interval is no interval: such a state could only ever be stale, which says nothing.
            Interval = result.Interval is { } interval && interval > TimeSpan.Zero ? interval : null,
        });

        var state = store.FindState(result.Kind, service, result.Name);
        if (state is not null && result.Timestamp < state.Time)
        {
            // A result older than the state's latest (a late delivery) is kept as a run but does not move the state.
            return;
        }

        // `since` moves only when the status changes.
        var since = state is not null && state.Status == result.Status ? state.Since : result.Timestamp;
        store.SetState(result.Kind, service, result.Name, new HealthCheckState(id, result.Timestamp, result.Status, since));
    }
}
