namespace Vigil.Model;

/// <summary>One service's spans in a <see cref="SpanSummaryQuery"/>: how many, how many failed, and the 95th percentile of their durations.</summary>
public sealed record ServiceSpanSummary
{
    /// <summary>The spans' <c>service.name</c>; empty for spans whose resource has none.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary>The spans that matched.</summary>
    public long Total { get; init; }

    /// <summary>Of those, the spans whose status is <see cref="SpanStatusCode.Error"/>.</summary>
    public long Errors { get; init; }

    /// <summary>
    /// The 95th percentile of the spans' durations by nearest rank: the duration at rank
    /// <see cref="NearestRank"/>(95, <see cref="Total"/>) of the durations in ascending order.
    /// </summary>
    public TimeSpan P95 { get; init; }

    /// <summary>
    /// The 1-based nearest rank of percentile <paramref name="percent"/> among <paramref name="count"/> values,
    /// ceil(percent/100 × count) in whole numbers (no rounding of 0.95 × n), at least 1: the one definition both
    /// engines compute in SQL and tests compute from the spans.
    /// </summary>
    /// <param name="percent">The percentile, 1 to 100.</param>
    /// <param name="count">How many values, 1 or more.</param>
    /// <returns>The rank, 1 to <paramref name="count"/>.</returns>
    public static long NearestRank(int percent, long count) => Math.Max(1, ((percent * count) + 99) / 100);
}
