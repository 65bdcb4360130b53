using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>The answer to <c>GET /api/health</c>: the worst status of the items (healthy when there are none), then the items.</summary>
/// <param name="Status">
/// The worst <see cref="HealthState.Status"/> among <paramref name="Items"/> (a stale one counts as unhealthy); the exit
/// code of <c>vigil health</c>.
/// </param>
/// <param name="Items">One state per check and probe, ordered by kind, service and name.</param>
internal sealed record HealthOverview(HealthStatus Status, IReadOnlyList<HealthState> Items);
