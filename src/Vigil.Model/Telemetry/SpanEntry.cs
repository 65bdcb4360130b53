namespace Vigil.Model;

/// <summary>One span, in the OpenTelemetry trace data model.</summary>
public sealed record SpanEntry
{
    /// <summary>The trace id (32 lowercase hex characters).</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>The span id (16 lowercase hex characters).</summary>
    public string SpanId { get; init; } = string.Empty;

    /// <summary>The parent span id, or null for a root span.</summary>
    public string? ParentSpanId { get; init; }

    /// <summary>The W3C trace state, when given.</summary>
    public string? TraceState { get; init; }

    /// <summary>The W3C trace flags.</summary>
    public int TraceFlags { get; init; }

    /// <summary>The operation name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The span kind.</summary>
    public SpanKind Kind { get; init; }

    /// <summary>When the span started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>When the span ended.</summary>
    public DateTimeOffset EndTime { get; init; }

    /// <summary>How long the span took: <see cref="EndTime"/> minus <see cref="StartTime"/>.</summary>
    public TimeSpan Duration => EndTime - StartTime;

    /// <summary>The span status.</summary>
    public SpanStatusCode StatusCode { get; init; }

    /// <summary>The status description, usually set with <see cref="SpanStatusCode.Error"/>.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>The span's attributes (see <see cref="TelemetryAttributes"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Attributes { get; init; } = [];

    /// <summary>The span's events, in the order given.</summary>
    public IReadOnlyList<SpanEventEntry> Events { get; init; } = [];

    /// <summary>The span's links, in the order given.</summary>
    public IReadOnlyList<SpanLinkEntry> Links { get; init; } = [];

    /// <summary>The library that emitted the span.</summary>
    public InstrumentationScopeInfo Scope { get; init; } = InstrumentationScopeInfo.Empty;

    /// <summary>The entity that produced the span.</summary>
    public TelemetryResource Resource { get; init; } = TelemetryResource.Empty;
}
