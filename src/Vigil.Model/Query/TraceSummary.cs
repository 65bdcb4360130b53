namespace Vigil.Model;

/// <summary>One line of a trace list.</summary>
public sealed record TraceSummary
{
    /// <summary>The trace id (32 hex characters).</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>The root span's name, or null while the root span has not arrived.</summary>
    public string? RootSpanName { get; init; }

    /// <summary>The root span's service, or the first span's service while the root has not arrived.</summary>
    public string? ServiceName { get; init; }

    /// <summary>How many spans of the trace are stored.</summary>
    public int SpanCount { get; init; }

    /// <summary>The earliest span start.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>From the earliest span start to the latest span end.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True when any span has status <see cref="SpanStatusCode.Error"/>.</summary>
    public bool HasError { get; init; }
}
