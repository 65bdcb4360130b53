namespace Vigil.Api.Contracts.V1;

/// <summary>The answer to <c>GET /api/overview</c>: each service over a range, computed by the store from every record of the range.</summary>
public sealed record ApiOverview
{
    /// <summary>The start of the range (inclusive).</summary>
    public DateTimeOffset From { get; init; }

    /// <summary>The end of the range (exclusive).</summary>
    public DateTimeOffset To { get; init; }

    /// <summary>One row per service that served a request, has an open error group, a health check or a firing alert; by name (ordinal).</summary>
    public IReadOnlyList<ApiServiceOverview> Services { get; init; } = [];
}
