using Vigil.Model;

namespace Vigil.Storage;

/// <summary>A health check's current state as an engine stores it (see <see cref="IHealthPersistence"/>).</summary>
/// <param name="ResultId">The stored run the state comes from.</param>
/// <param name="Time">That run's time.</param>
/// <param name="Status">That run's status.</param>
/// <param name="Since">When the check entered this status.</param>
public sealed record HealthCheckState(long ResultId, DateTimeOffset Time, HealthStatus Status, DateTimeOffset Since);
