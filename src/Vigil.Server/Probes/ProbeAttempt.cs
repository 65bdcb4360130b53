using Vigil.Model;

namespace Vigil.Server.Probes;

/// <summary>What one attempt of a probe found, before the thresholds.</summary>
/// <param name="Status">The attempt's own outcome.</param>
/// <param name="Description">What happened, for people: the reason when it is not healthy.</param>
/// <param name="Data">Figures worth keeping (status code, exit code, certificate days left).</param>
internal sealed record ProbeAttempt(HealthStatus Status, string Description, IReadOnlyList<KeyValuePair<string, object?>> Data)
{
    public static ProbeAttempt Unhealthy(string description) => new(HealthStatus.Unhealthy, description, []);
}
