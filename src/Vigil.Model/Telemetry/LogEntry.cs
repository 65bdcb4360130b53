namespace Vigil.Model;

/// <summary>One log record, in the OpenTelemetry log data model.</summary>
public sealed record LogEntry
{
    /// <summary>
    /// The store's sequence number for this record, assigned on write and strictly increasing
    /// in commit order across all writers; 0 on a record not yet written.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>When the event happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>When the record was observed by the collection pipeline, when known.</summary>
    public DateTimeOffset? ObservedTimestamp { get; init; }

    /// <summary>The OpenTelemetry severity number, 1 (TRACE) to 24 (FATAL4); 0 when unspecified.</summary>
    public int SeverityNumber { get; init; }

    /// <summary>The severity as the source named it, for example <c>Warning</c>.</summary>
    public string? SeverityText { get; init; }

    /// <summary>The rendered message.</summary>
    public string? Body { get; init; }

    /// <summary>The record's attributes (see <see cref="TelemetryAttributes"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Attributes { get; init; } = [];

    /// <summary>The trace id as 32 lowercase hex characters, or null.</summary>
    public string? TraceId { get; init; }

    /// <summary>The span id as 16 lowercase hex characters, or null.</summary>
    public string? SpanId { get; init; }

    /// <summary>The W3C trace flags.</summary>
    public int TraceFlags { get; init; }

    /// <summary>The event name (OpenTelemetry <c>EventName</c>), when the record is an event.</summary>
    public string? EventName { get; init; }

    /// <summary>The exception type (<c>exception.type</c>), when the record carries an exception.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The exception message (<c>exception.message</c>).</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>The exception stack trace (<c>exception.stacktrace</c>).</summary>
    public string? ExceptionStackTrace { get; init; }

    /// <summary>The library that emitted the record.</summary>
    public InstrumentationScopeInfo Scope { get; init; } = InstrumentationScopeInfo.Empty;

    /// <summary>The entity that produced the record.</summary>
    public TelemetryResource Resource { get; init; } = TelemetryResource.Empty;
}
