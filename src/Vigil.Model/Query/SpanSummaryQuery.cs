namespace Vigil.Model;

/// <summary>
/// Which spans <c>SummarizeSpansAsync</c> summarises: every service's spans of one kind that started in
/// [<see cref="From"/>, <see cref="To"/>). What the dashboard's overview shows per service, read from every span of
/// the range, not from a sample of traces.
/// </summary>
public sealed record SpanSummaryQuery
{
    /// <summary>The kind of span summarised; the overview counts the requests each service served.</summary>
    public SpanKind Kind { get; init; } = SpanKind.Server;

    /// <summary>The start of the range (inclusive), by span start time.</summary>
    public DateTimeOffset From { get; init; }

    /// <summary>The end of the range (exclusive), by span start time.</summary>
    public DateTimeOffset To { get; init; }
}
