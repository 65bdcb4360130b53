using System.ComponentModel;
using ModelContextProtocol.Server;
using Vigil.Mcp.Arguments;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Mcp.Tools;

/// <summary>Traces: recent ones, and one trace's summary with its slowest spans.</summary>
[McpServerToolType]
internal sealed class TraceTools(ITelemetryReader reader, VigilMcpOptions options)
{
    [McpServerTool(Name = "list_traces", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List recent traces, newest first: id, root span, service, span count, duration, error. At most `limit` (default 20, at most 200); says whether more matched.")]
    public async Task<TraceListResult> ListAsync(
        [Description("Only traces of this service.")] string? service = null,
        [Description("Only traces whose root span has exactly this name (one operation's runs): GET /checkout.")] string? rootSpan = null,
        [Description("Start: a duration back from now (15m, 2h) or an RFC 3339 time. Default 1h.")] string? since = null,
        [Description("End: a duration back from now or an RFC 3339 time. Default now.")] string? until = null,
        [Description("Only traces at least this long: 250ms, 2s.")] string? minDuration = null,
        [Description("Only traces with an error span.")] bool errorsOnly = false,
        [Description("How many traces, 1 to 200 (default 20).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var take = ToolArguments.Limit("limit", limit, ToolLimits.DefaultItems);
        var (from, to) = ToolArguments.Range(since, until, options.Clock.GetUtcNow(), LogTools.DefaultWindow);
        var traces = await reader.QueryTracesAsync(
            new TraceQuery
            {
                ServiceName = ToolArguments.Text("service", service, 512),
                RootName = ToolArguments.Text("rootSpan", rootSpan, 512),
                From = from,
                To = to,
                MinDuration = ToolArguments.Duration("minDuration", minDuration, TimeSpan.FromDays(365)),
                ErrorsOnly = errorsOnly,
                Limit = take + 1,
            },
            cancellationToken).ConfigureAwait(false);
        return new TraceListResult
        {
            Returned = Math.Min(take, traces.Count),
            MoreMatched = traces.Count > take,
            Traces = [.. traces.Take(take).Select(t => new TraceListResult.Item
            {
                TraceId = t.TraceId,
                RootSpan = t.RootSpanName,
                Service = t.ServiceName,
                Spans = t.SpanCount,
                Start = t.StartTime,
                DurationMs = t.Duration.TotalMilliseconds,
                HasError = t.HasError,
            })],
        };
    }

    [McpServerTool(Name = "get_trace", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("One trace's summary (services, span and error counts, duration, root span) and its slowest spans (default 10, at most 50). The trace id may be a unique prefix of at least 4 hex digits.")]
    public async Task<TraceSummaryResult> GetAsync(
        [Description("The trace id: 32 hex digits, or a unique prefix.")] string traceId,
        [Description("How many of the slowest spans to list, 1 to 50 (default 10).")] int? slowest = null,
        CancellationToken cancellationToken = default)
    {
        var take = ToolArguments.Limit("slowest", slowest, 10, ToolLimits.MaxSlowestSpans);
        var id = await TraceIds.ResolveAsync(reader, traceId, cancellationToken).ConfigureAwait(false);
        var spans = await reader.GetTraceAsync(id, cancellationToken).ConfigureAwait(false);
        if (spans.Count == 0)
        {
            throw new ModelContextProtocol.McpException($"traceId: trace {id} has no spans in the store");
        }

        return TraceSummaryResult.Of(id, spans, take);
    }
}
