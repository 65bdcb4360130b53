using Vigil.Mcp.Arguments;
using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>get_trace</c>: the whole trace in a few numbers, then its slowest spans.</summary>
internal sealed record TraceSummaryResult
{
    public required string TraceId { get; init; }

    public required int SpanCount { get; init; }

    public required int ErrorSpans { get; init; }

    public required IReadOnlyList<string> Services { get; init; }

    public required DateTimeOffset Start { get; init; }

    /// <summary>From the earliest start to the latest end of any span.</summary>
    public required double DurationMs { get; init; }

    public SpanView? Root { get; init; }

    public required IReadOnlyList<SpanView> SlowestSpans { get; init; }

    /// <summary>How many spans the slowest list left out.</summary>
    public required int SpansNotListed { get; init; }

    public static TraceSummaryResult Of(string traceId, IReadOnlyList<SpanEntry> spans, int slowest)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);

        // The root: the span without a parent, else the earliest whose parent is not in the store.
        var root = spans.FirstOrDefault(s => s.ParentSpanId is null) ?? spans.FirstOrDefault(s => !ids.Contains(s.ParentSpanId!));
        var start = spans.Min(s => s.StartTime);
        var listed = spans.OrderByDescending(s => s.Duration).ThenBy(s => s.StartTime).Take(slowest).Select(SpanView.Of).ToList();
        return new TraceSummaryResult
        {
            TraceId = traceId,
            SpanCount = spans.Count,
            ErrorSpans = spans.Count(s => s.StatusCode == SpanStatusCode.Error),
            Services = [.. spans.Select(s => s.Resource.ServiceName).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Start = start,
            DurationMs = (spans.Max(s => s.EndTime) - start).TotalMilliseconds,
            Root = root is null ? null : SpanView.Of(root),
            SlowestSpans = listed,
            SpansNotListed = spans.Count - listed.Count,
        };
    }

    /// <summary>One span.</summary>
    internal sealed record SpanView
    {
        public required string SpanId { get; init; }

        public string? ParentSpanId { get; init; }

        public required string Name { get; init; }

        public string? Service { get; init; }

        public required DateTimeOffset Start { get; init; }

        public required double DurationMs { get; init; }

        public required string Status { get; init; }

        public string? StatusMessage { get; init; }

        public static SpanView Of(SpanEntry span) => new()
        {
            SpanId = span.SpanId,
            ParentSpanId = span.ParentSpanId,
            Name = span.Name,
            Service = span.Resource.ServiceName,
            Start = span.StartTime,
            DurationMs = span.Duration.TotalMilliseconds,
            Status = span.StatusCode.ToString().ToLowerInvariant(),
            StatusMessage = Shortened.Text(span.StatusMessage, 300),
        };
    }
}
