using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The one write pipeline every engine runs per batch, inside the transaction that stores the batch's telemetry:
/// fingerprint each exception, decide its group, derive health results from health log records, and hand the
/// engine plain persistence operations. Engines store; this decides, so every engine and every writer (the SDK's
/// local store, <c>vigil serve</c>) groups and folds health alike. Not thread-safe, like the engine's writer.
/// </summary>
public sealed class TelemetryWritePipeline
{
    private readonly ErrorTrackingOptions _errorTracking;
    private readonly TimeProvider _clock;

    /// <param name="errorTracking">How exceptions are found, fingerprinted and classified.</param>
    /// <param name="clock">The time recorded for status changes.</param>
    public TelemetryWritePipeline(ErrorTrackingOptions errorTracking, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(errorTracking);
        ArgumentNullException.ThrowIfNull(clock);
        _errorTracking = errorTracking;
        _clock = clock;
    }

    /// <summary>Groups the batch's exceptions and stores its health results; the caller commits.</summary>
    /// <exception cref="ArgumentException">A health result has no name or an undefined kind or status.</exception>
    public void Write(TelemetryBatch batch, IErrorGroupPersistence errors, IHealthPersistence health)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(health);

        var occurrences = ErrorExtractor.Extract(batch, _errorTracking);
        if (occurrences.Count > 0)
        {
            var grouper = new ErrorGrouper(errors, _clock.GetUtcNow());
            foreach (var occurrence in occurrences)
            {
                grouper.Add(occurrence);
            }
        }

        HealthResultFolder.Write(batch, health);
    }
}
