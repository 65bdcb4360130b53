using Vigil.Model;

namespace Vigil.Server.Ingest;

/// <summary>One request's records waiting in the queue, and the task its sender awaits.</summary>
internal sealed class PendingWrite(OtlpSignal signal, TelemetryBatch batch, int records)
{
    public OtlpSignal Signal { get; } = signal;

    public TelemetryBatch Batch { get; } = batch;

    public int Records { get; } = records;

    /// <summary>Completes after the commit; continuations run off the writer's thread so it never waits on a request.</summary>
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
