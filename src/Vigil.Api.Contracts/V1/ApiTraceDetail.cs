namespace Vigil.Api.Contracts.V1;

/// <summary>The answer to <c>GET /api/traces/{traceId}</c>: the spans by start time, then the trace's logs.</summary>
public sealed record ApiTraceDetail
{
    /// <summary>The trace id, lower case.</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>Every stored span of the trace.</summary>
    public IReadOnlyList<ApiSpan> Spans { get; init; } = [];

    /// <summary>Up to 1000 of its log records.</summary>
    public IReadOnlyList<ApiLogRecord> Logs { get; init; } = [];
}
