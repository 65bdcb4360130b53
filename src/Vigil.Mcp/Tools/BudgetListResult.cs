namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>list_budgets</c>.</summary>
internal sealed record BudgetListResult
{
    /// <summary>The budget file read.</summary>
    public required string File { get; init; }

    public required int Returned { get; init; }

    /// <summary>True when more limits matched than were returned.</summary>
    public required bool MoreMatched { get; init; }

    /// <summary>How many of the matching limits are over, and how many had too few runs to judge.</summary>
    public required int Over { get; init; }

    public required int TooFewRuns { get; init; }

    public required IReadOnlyList<BudgetView> Budgets { get; init; }

    /// <summary>Why the list is empty when there is no budget file, and where budgets are declared.</summary>
    public string? Note { get; init; }
}
