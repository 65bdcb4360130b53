namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>list_traces</c>.</summary>
internal sealed record TraceListResult
{
    public required int Returned { get; init; }

    /// <summary>True when more traces matched than were returned.</summary>
    public required bool MoreMatched { get; init; }

    public required IReadOnlyList<Item> Traces { get; init; }

    /// <summary>One trace.</summary>
    internal sealed record Item
    {
        public required string TraceId { get; init; }

        public string? RootSpan { get; init; }

        public string? Service { get; init; }

        public required int Spans { get; init; }

        public required DateTimeOffset Start { get; init; }

        public required double DurationMs { get; init; }

        public required bool HasError { get; init; }
    }
}
