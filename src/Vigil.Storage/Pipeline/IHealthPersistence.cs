using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// What an engine stores health results with: plain reads and writes inside the batch's transaction.
/// <see cref="TelemetryWritePipeline"/> validates and normalises each result and decides how a check's state moves.
/// </summary>
public interface IHealthPersistence
{
    /// <summary>Stores one run as given (service already empty rather than null) and returns its id.</summary>
    long InsertResult(HealthResult result);

    /// <summary>The check's current state, or null when it has none.</summary>
    HealthCheckState? FindState(HealthSourceKind kind, string serviceName, string name);

    /// <summary>Stores the check's state as given, replacing any it had.</summary>
    void SetState(HealthSourceKind kind, string serviceName, string name, HealthCheckState state);
}
