namespace Vigil.Api.Contracts.V1;

/// <summary>One metric in <c>GET /api/metrics</c>.</summary>
public sealed record ApiMetricSummary
{
    /// <summary>The metric's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The data kind.</summary>
    public ApiMetricKind Kind { get; init; }

    /// <summary>The unit.</summary>
    public string? Unit { get; init; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>How many series.</summary>
    public int SeriesCount { get; init; }

    /// <summary>The latest reading (see <see cref="ReadingKind"/>).</summary>
    public double? Reading { get; init; }

    /// <summary>What <see cref="Reading"/> is: <c>rate</c>, <c>last</c> or <c>p95</c>.</summary>
    public string? ReadingKind { get; init; }

    /// <summary>The latest point's value, for sums and gauges.</summary>
    public double? LatestValue { get; init; }

    /// <summary>The latest point's time.</summary>
    public DateTimeOffset? LatestTime { get; init; }
}
