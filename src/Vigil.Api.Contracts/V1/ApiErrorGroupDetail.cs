namespace Vigil.Api.Contracts.V1;

/// <summary>The answer to <c>GET /api/errors/{id}</c>.</summary>
public sealed record ApiErrorGroupDetail
{
    /// <summary>The group.</summary>
    public ApiErrorGroup Group { get; init; } = new();

    /// <summary>Counts per hour, oldest first.</summary>
    public IReadOnlyList<ApiErrorHourlyCount> HourlyCounts { get; init; } = [];

    /// <summary>The latest events, newest first.</summary>
    public IReadOnlyList<ApiErrorEvent> LatestEvents { get; init; } = [];
}
