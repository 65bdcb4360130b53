namespace Vigil.Model;

/// <summary>The answer to a <see cref="MetricQuery"/>.</summary>
public sealed record MetricQueryResult
{
    /// <summary>The metric name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The point type, or null when the metric has no series.</summary>
    public MetricKind? Kind { get; init; }

    /// <summary>The unit, when given.</summary>
    public string? Unit { get; init; }

    /// <summary>The bucket width used.</summary>
    public TimeSpan Step { get; init; }

    /// <summary>One entry per group, ordered by its labels.</summary>
    public IReadOnlyList<MetricResultSeries> Series { get; init; } = [];
}
