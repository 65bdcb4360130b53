using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>The answer to <c>GET /api/traces/{traceId}</c>: the spans by start time, then the trace's logs.</summary>
/// <param name="TraceId">The trace id, lower case.</param>
/// <param name="Spans">Every stored span of the trace.</param>
/// <param name="Logs">Up to <see cref="TracesEndpoints.MaxTraceLogs"/> of its log records.</param>
internal sealed record TraceDetail(string TraceId, IReadOnlyList<SpanEntry> Spans, IReadOnlyList<LogEntry> Logs);
