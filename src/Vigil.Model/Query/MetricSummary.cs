namespace Vigil.Model;

/// <summary>One metric name as <c>ListMetricsAsync</c> lists it.</summary>
public sealed record MetricSummary
{
    /// <summary>The metric name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The point type.</summary>
    public MetricKind Kind { get; init; }

    /// <summary>The unit, when given.</summary>
    public string? Unit { get; init; }

    /// <summary>The description, when given.</summary>
    public string? Description { get; init; }

    /// <summary>How many series (attribute sets and resources) the metric has.</summary>
    public int SeriesCount { get; init; }

    /// <summary>
    /// The one figure to show for the metric, with one meaning per kind (<see cref="ReadingKind"/>);
    /// see <see cref="MetricReading"/>. Null when the window holds nothing to compute it from.
    /// </summary>
    public double? Reading { get; init; }

    /// <summary>What <see cref="Reading"/> is: <c>rate</c> (per second), <c>last</c> or <c>p95</c>.</summary>
    public string? ReadingKind { get; init; }

    /// <summary>
    /// The raw value of the latest point of any one series: the value of a sum or gauge, the count of a
    /// histogram, exponential histogram or summary. <see cref="Reading"/> is the figure to show.
    /// </summary>
    public double? LatestValue { get; init; }

    /// <summary>The time of that latest point.</summary>
    public DateTimeOffset? LatestTime { get; init; }
}
