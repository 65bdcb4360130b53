namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>list_error_groups</c>.</summary>
internal sealed record ErrorGroupListResult
{
    public required int Returned { get; init; }

    /// <summary>True when more groups matched than were returned.</summary>
    public required bool MoreMatched { get; init; }

    public required IReadOnlyList<ErrorGroupView> Groups { get; init; }
}
