using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The write role: telemetry stored in batches. Error grouping and health-from-logs happen on this path, inside the
/// batch's transaction, so a group, its counts and the telemetry it came from commit together.
/// </summary>
public interface ITelemetryWriter : IStore
{
    /// <summary>Stores a batch in one transaction: all of it or, on failure, none of it.</summary>
    /// <param name="batch">The records to store.</param>
    /// <param name="cancellationToken">Cancels before the transaction commits.</param>
    /// <returns>A task that completes when the batch is durable.</returns>
    Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default);
}
