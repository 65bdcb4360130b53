using Vigil.Model;

namespace Vigil.Storage;

/// <summary>One error event as an engine stores it (see <see cref="IErrorGroupPersistence.InsertEvent"/>).</summary>
public sealed record ErrorEventRecord
{
    /// <summary>The group it counts in.</summary>
    public long GroupId { get; init; }

    /// <summary>When the exception happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>A log record or a span event.</summary>
    public ErrorEventSource Source { get; init; }

    /// <summary>Lowercase hex, or null outside a trace.</summary>
    public string? TraceId { get; init; }

    /// <summary>Lowercase hex, or null.</summary>
    public string? SpanId { get; init; }

    /// <summary>The reporting service, or null.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The service's release (<c>service.version</c>), or null.</summary>
    public string? Release { get; init; }

    /// <summary>The exception type.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>The exception message, or null.</summary>
    public string? Message { get; init; }

    /// <summary>The stack text, or null.</summary>
    public string? StackTrace { get; init; }

    /// <summary>The exception object's identity (<see cref="ExceptionIdentity"/>), or null.</summary>
    public string? ExceptionId { get; init; }
}
