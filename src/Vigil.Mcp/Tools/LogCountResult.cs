namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>count_logs</c>.</summary>
internal sealed record LogCountResult
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required long Total { get; init; }

    /// <summary>The count per service, largest first.</summary>
    public required IReadOnlyDictionary<string, long> ByService { get; init; }
}
