using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>A span, as <c>GET /api/traces/{traceId}</c> gives it.</summary>
public sealed record ApiSpan
{
    /// <summary>The trace id.</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>The span id.</summary>
    public string SpanId { get; init; } = string.Empty;

    /// <summary>The parent span's id; null for a root.</summary>
    public string? ParentSpanId { get; init; }

    /// <summary>The W3C trace state.</summary>
    public string? TraceState { get; init; }

    /// <summary>The W3C trace flags.</summary>
    public int TraceFlags { get; init; }

    /// <summary>The span's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The span's kind.</summary>
    public ApiSpanKind Kind { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset EndTime { get; init; }

    /// <summary><see cref="EndTime"/> less <see cref="StartTime"/>; written for convenience, ignored when read.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The status code.</summary>
    public ApiSpanStatusCode StatusCode { get; init; }

    /// <summary>The status message.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>The attributes (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement Attributes { get; init; }

    /// <summary>The span's events.</summary>
    public IReadOnlyList<ApiSpanEvent> Events { get; init; } = [];

    /// <summary>The span's links.</summary>
    public IReadOnlyList<ApiSpanLink> Links { get; init; } = [];

    /// <summary>The instrumentation scope.</summary>
    public ApiScope Scope { get; init; } = new();

    /// <summary>The resource that sent it.</summary>
    public ApiResource Resource { get; init; } = new();
}
