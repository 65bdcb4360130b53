namespace Vigil.Api.Contracts.V1;

/// <summary>One trace in <c>GET /api/traces</c>.</summary>
public sealed record ApiTraceSummary
{
    /// <summary>The trace id.</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>The root span's name, if stored.</summary>
    public string? RootSpanName { get; init; }

    /// <summary>The root span's service.</summary>
    public string? ServiceName { get; init; }

    /// <summary>How many spans are stored.</summary>
    public int SpanCount { get; init; }

    /// <summary>The earliest span start.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>From the earliest start to the latest end.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Whether a span has an error status.</summary>
    public bool HasError { get; init; }
}
