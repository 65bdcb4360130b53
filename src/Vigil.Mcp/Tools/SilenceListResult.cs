namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>list_silences</c>.</summary>
internal sealed record SilenceListResult
{
    public required int Returned { get; init; }

    /// <summary>True when more silences are active or pending than were returned.</summary>
    public required bool MoreMatched { get; init; }

    public required IReadOnlyList<SilenceView> Silences { get; init; }
}
