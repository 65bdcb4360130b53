namespace Vigil.Model;

/// <summary>The answer to a <see cref="SpanCountQuery"/>.</summary>
public sealed record SpanCounts
{
    /// <summary>The spans that matched.</summary>
    public long Total { get; init; }

    /// <summary>Of those, the spans whose status is <see cref="SpanStatusCode.Error"/>.</summary>
    public long Errors { get; init; }

    /// <summary>Of those, the spans that lasted longer than <see cref="SpanCountQuery.SlowerThan"/>; 0 when it is not set.</summary>
    public long Slower { get; init; }
}
