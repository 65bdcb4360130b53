namespace Vigil.Model;

/// <summary>
/// One occurrence of an error group. A log record and a span event that report the same exception in the same span
/// are one occurrence (the first one stored is kept; see <c>docs/errors.md</c>).
/// </summary>
public sealed record ErrorEvent
{
    /// <summary>The store's id for the occurrence.</summary>
    public long Id { get; init; }

    /// <summary>The group it belongs to.</summary>
    public long GroupId { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Where it was found.</summary>
    public ErrorEventSource Source { get; init; }

    /// <summary>The trace id (32 lowercase hex characters), when the exception happened inside a trace.</summary>
    public string? TraceId { get; init; }

    /// <summary>The span id (16 lowercase hex characters), when known.</summary>
    public string? SpanId { get; init; }

    /// <summary>The <c>service.name</c> of the resource that reported it.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The <c>service.version</c> of the resource that reported it (the release).</summary>
    public string? Release { get; init; }

    /// <summary>The exception type (<c>exception.type</c>).</summary>
    public string? Type { get; init; }

    /// <summary>The exception message (<c>exception.message</c>).</summary>
    public string? Message { get; init; }

    /// <summary>The stack trace text (<c>exception.stacktrace</c>).</summary>
    public string? StackTrace { get; init; }
}
