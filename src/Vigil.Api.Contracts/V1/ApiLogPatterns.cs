namespace Vigil.Api.Contracts.V1;

/// <summary><c>GET /api/logs/patterns</c>: the newest matching records, grouped by the message they were written from.</summary>
public sealed record ApiLogPatterns
{
    /// <summary>How many records were read: the newest ones matching the filters, at most <see cref="Limit"/>.</summary>
    public int Scanned { get; init; }

    /// <summary>The most records the request allowed to be read.</summary>
    public int Limit { get; init; }

    /// <summary>True when every matching record was read (fewer matched than the limit); false when older ones were left out.</summary>
    public bool Complete { get; init; }

    /// <summary>How many distinct patterns the records read have; <see cref="Patterns"/> holds at most the requested number of them.</summary>
    public int PatternCount { get; init; }

    /// <summary>The patterns, most records first.</summary>
    public IReadOnlyList<ApiLogPattern> Patterns { get; init; } = [];
}
