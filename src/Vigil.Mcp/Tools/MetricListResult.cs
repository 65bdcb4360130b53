namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>list_metrics</c>.</summary>
internal sealed record MetricListResult
{
    /// <summary>How many metrics matched the filter; more than <see cref="Returned"/> when the list was cut.</summary>
    public required int Matched { get; init; }

    public required int Returned { get; init; }

    public required IReadOnlyList<Item> Metrics { get; init; }

    /// <summary>One metric.</summary>
    internal sealed record Item
    {
        public required string Name { get; init; }

        public required string Kind { get; init; }

        public string? Unit { get; init; }

        public string? Description { get; init; }

        public required int Series { get; init; }

        public double? Latest { get; init; }

        public DateTimeOffset? LatestTime { get; init; }
    }
}
