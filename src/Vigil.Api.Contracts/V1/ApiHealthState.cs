namespace Vigil.Api.Contracts.V1;

/// <summary>The state of one check or probe.</summary>
public sealed record ApiHealthState
{
    /// <summary>Its latest result.</summary>
    public ApiHealthResult Latest { get; init; } = new();

    /// <summary>When that status began.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>Whether it stopped reporting.</summary>
    public bool Stale { get; init; }

    /// <summary>The status it counts as: unhealthy when stale, else the latest's.</summary>
    public ApiHealthStatus Status { get; init; }
}
