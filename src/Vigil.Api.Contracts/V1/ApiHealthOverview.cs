namespace Vigil.Api.Contracts.V1;

/// <summary>The answer to <c>GET /api/health</c>: the worst status of the items (healthy when there are none), then the items.</summary>
public sealed record ApiHealthOverview
{
    /// <summary>The worst of the items' <see cref="ApiHealthState.Status"/>.</summary>
    public ApiHealthStatus Status { get; init; }

    /// <summary>One state per check and probe.</summary>
    public IReadOnlyList<ApiHealthState> Items { get; init; } = [];
}
