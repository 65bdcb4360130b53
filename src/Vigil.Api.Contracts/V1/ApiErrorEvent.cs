namespace Vigil.Api.Contracts.V1;

/// <summary>One occurrence of an error.</summary>
public sealed record ApiErrorEvent
{
    /// <summary>The event's id.</summary>
    public long Id { get; init; }

    /// <summary>Its group's id.</summary>
    public long GroupId { get; init; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>What it was read from.</summary>
    public ApiErrorEventSource Source { get; init; }

    /// <summary>Its trace id.</summary>
    public string? TraceId { get; init; }

    /// <summary>Its span id.</summary>
    public string? SpanId { get; init; }

    /// <summary>Its service.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Its release.</summary>
    public string? Release { get; init; }

    /// <summary>The exception type.</summary>
    public string? Type { get; init; }

    /// <summary>The exception message.</summary>
    public string? Message { get; init; }

    /// <summary>The stack trace.</summary>
    public string? StackTrace { get; init; }
}
