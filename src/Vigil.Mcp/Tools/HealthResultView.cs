namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>get_health</c>.</summary>
internal sealed record HealthResultView
{
    /// <summary>healthy, degraded, unhealthy, or unknown when nothing reports.</summary>
    public required string Status { get; init; }

    public required IReadOnlyList<Check> Checks { get; init; }

    /// <summary>One check or probe.</summary>
    internal sealed record Check
    {
        public required string Kind { get; init; }

        public string? Service { get; init; }

        public required string Name { get; init; }

        public required string Status { get; init; }

        public required bool Stale { get; init; }

        public required DateTimeOffset Since { get; init; }

        public required DateTimeOffset LastResult { get; init; }

        public string? Description { get; init; }
    }
}
