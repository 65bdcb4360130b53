namespace Vigil.Api.Contracts.V1;

/// <summary>The answer to <c>GET /api/metrics/{name}</c>.</summary>
public sealed record ApiMetricQueryResult
{
    /// <summary>The metric's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The data kind; null when no such metric is stored.</summary>
    public ApiMetricKind? Kind { get; init; }

    /// <summary>The unit.</summary>
    public string? Unit { get; init; }

    /// <summary>The bucket width.</summary>
    public TimeSpan Step { get; init; }

    /// <summary>One series per group.</summary>
    public IReadOnlyList<ApiMetricSeries> Series { get; init; } = [];
}
