namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>search_logs</c>: the window searched, the records, and whether more matched.</summary>
internal sealed record LogSearchResult
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required int Returned { get; init; }

    /// <summary>True when more records matched than were returned: narrow the filters or the window.</summary>
    public required bool MoreMatched { get; init; }

    public required IReadOnlyList<LogRecordView> Records { get; init; }
}
