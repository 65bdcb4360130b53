using Vigil.Mcp.Arguments;
using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>get_error_group</c>.</summary>
internal sealed record ErrorGroupDetailResult
{
    public required ErrorGroupView Group { get; init; }

    /// <summary>The latest stack trace, its first lines; the rest counted.</summary>
    public string? StackTrace { get; init; }

    /// <summary>Events per hour, only the hours that had any.</summary>
    public required IReadOnlyList<HourCount> Hours { get; init; }

    public required IReadOnlyList<EventView> LatestEvents { get; init; }

    public static ErrorGroupDetailResult Of(ErrorGroupDetail detail) => new()
    {
        Group = ErrorGroupView.Of(detail.Group),
        StackTrace = Shortened.Lines(detail.LatestEvents.FirstOrDefault(e => e.StackTrace is not null)?.StackTrace ?? detail.Group.StackTrace),
        Hours = [.. detail.HourlyCounts.Where(h => h.Count > 0).Select(h => new HourCount { Hour = h.Hour, Count = h.Count })],
        LatestEvents = [.. detail.LatestEvents.Select(e => new EventView
        {
            Time = e.Timestamp,
            Service = e.ServiceName,
            Release = e.Release,
            TraceId = e.TraceId,
            Message = Shortened.Text(e.Message, 300),
        })],
    };

    /// <summary>One hour's count.</summary>
    internal sealed record HourCount
    {
        public required DateTimeOffset Hour { get; init; }

        public required long Count { get; init; }
    }

    /// <summary>One occurrence.</summary>
    internal sealed record EventView
    {
        public required DateTimeOffset Time { get; init; }

        public string? Service { get; init; }

        public string? Release { get; init; }

        public string? TraceId { get; init; }

        public string? Message { get; init; }
    }
}
