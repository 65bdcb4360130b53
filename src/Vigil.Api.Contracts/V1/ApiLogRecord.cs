using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>A log record, as <c>GET /api/logs</c> and a trace's <c>logs</c> give it.</summary>
public sealed record ApiLogRecord
{
    /// <summary>The store's sequence number: increases with every record written.</summary>
    public long Sequence { get; init; }

    /// <summary>When the event happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>When the collector saw it, if that was said.</summary>
    public DateTimeOffset? ObservedTimestamp { get; init; }

    /// <summary>The OpenTelemetry severity number, 1 to 24 (0 when not said).</summary>
    public int SeverityNumber { get; init; }

    /// <summary>The severity text as the sender wrote it.</summary>
    public string? SeverityText { get; init; }

    /// <summary>The message.</summary>
    public string? Body { get; init; }

    /// <summary>The attributes: a JSON object whose values keep their types (bytes as <c>{"$bytes": base64}</c>, non-finite doubles as <c>{"$double": "NaN"}</c>).</summary>
    public JsonElement Attributes { get; init; }

    /// <summary>The trace id, 32 lower-case hex digits.</summary>
    public string? TraceId { get; init; }

    /// <summary>The span id, 16 lower-case hex digits.</summary>
    public string? SpanId { get; init; }

    /// <summary>The W3C trace flags.</summary>
    public int TraceFlags { get; init; }

    /// <summary>The event name.</summary>
    public string? EventName { get; init; }

    /// <summary>The exception's type, if the record carries one.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The exception's message.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>The exception's stack trace.</summary>
    public string? ExceptionStackTrace { get; init; }

    /// <summary>The instrumentation scope.</summary>
    public ApiScope Scope { get; init; } = new();

    /// <summary>The resource (service) that sent it.</summary>
    public ApiResource Resource { get; init; } = new();
}
