namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>list_slos</c>.</summary>
internal sealed record SloListResult
{
    public required int Returned { get; init; }

    /// <summary>True when more SLOs matched than were returned.</summary>
    public required bool MoreMatched { get; init; }

    public required IReadOnlyList<SloView> Slos { get; init; }

    /// <summary>Why the list is empty when no SLO is declared at all, and where they are declared.</summary>
    public string? Note { get; init; }
}
