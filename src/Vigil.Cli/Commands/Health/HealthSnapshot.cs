using Vigil.Model;

namespace Vigil.Cli.Commands.Health;

/// <summary>
/// Every health state read at one moment, and the overall status: the worst of them, a stale one counting as
/// unhealthy (healthy when none).
/// </summary>
internal sealed record HealthSnapshot(IReadOnlyList<HealthState> States, DateTimeOffset Taken)
{
    /// <summary>The worst status; its number is the exit code of <c>vigil health</c>.</summary>
    public HealthStatus Overall => HealthState.Worst(States);

    /// <summary>How many states that are not stale last reported <paramref name="status"/>.</summary>
    public int CountOf(HealthStatus status) => States.Count(s => !s.IsStale && s.Latest.Status == status);

    /// <summary>How many states are stale.</summary>
    public int StaleCount => States.Count(s => s.IsStale);
}
