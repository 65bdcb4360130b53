namespace Vigil.Model;

/// <summary>
/// Which spans <c>CountSpansAsync</c> counts: one service's spans of one kind that started in
/// [<see cref="From"/>, <see cref="To"/>). What an SLO over spans needs, without reading the spans.
/// </summary>
public sealed record SpanCountQuery
{
    /// <summary>The <c>service.name</c> whose spans are counted.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary>The kind of span counted; an SLO counts the requests a service served.</summary>
    public SpanKind Kind { get; init; } = SpanKind.Server;

    /// <summary>The start of the range (inclusive), by span start time.</summary>
    public DateTimeOffset From { get; init; }

    /// <summary>The end of the range (exclusive), by span start time.</summary>
    public DateTimeOffset To { get; init; }

    /// <summary>When set, <see cref="SpanCounts.Slower"/> counts the spans that lasted longer than this.</summary>
    public TimeSpan? SlowerThan { get; init; }
}
