namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>list_alerts</c>.</summary>
internal sealed record AlertListResult
{
    public required int Returned { get; init; }

    /// <summary>True when more alerts matched than were returned.</summary>
    public required bool MoreMatched { get; init; }

    public required IReadOnlyList<AlertView> Alerts { get; init; }
}
