using System.ComponentModel;
using ModelContextProtocol.Server;
using Vigil.Mcp.Arguments;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Mcp.Tools;

/// <summary>Log search and count: the filters of <c>vigil logs</c>, read through <see cref="ITelemetryReader"/>.</summary>
[McpServerToolType]
internal sealed class LogTools(ITelemetryReader reader, IAlertSignalReader counter, VigilMcpOptions options)
{
    /// <summary>The window a search or count covers when no since is given.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);

    [McpServerTool(Name = "search_logs", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Search log records, newest first. Returns at most `limit` records (default 20, at most 200) and says whether more matched; bodies longer than 1000 characters are cut. Use count_logs for totals.")]
    public async Task<LogSearchResult> SearchAsync(
        [Description("Words the body or an attribute must contain.")] string? text = null,
        [Description("Only this service (service.name).")] string? service = null,
        [Description("Minimum level: trace, debug, info, warn, error, fatal.")] string? level = null,
        [Description("Attribute filters, each key=value (exact match), all must hold.")] string[]? attributes = null,
        [Description("Start: a duration back from now (15m, 2h, 1d) or an RFC 3339 time. Default 1h.")] string? since = null,
        [Description("End: a duration back from now or an RFC 3339 time. Default now.")] string? until = null,
        [Description("Only records of this trace (32 hex digits).")] string? traceId = null,
        [Description("How many records, 1 to 200 (default 20).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var take = ToolArguments.Limit("limit", limit, ToolLimits.DefaultItems);
        var query = Query(text, service, level, attributes, since, until) with
        {
            TraceId = TraceIds.Whole("traceId", traceId),

            // One more than asked tells whether the answer was cut.
            Limit = take + 1,
        };
        var entries = await reader.QueryLogsAsync(query, cancellationToken).ConfigureAwait(false);
        return new LogSearchResult
        {
            From = query.From!.Value,
            To = query.To!.Value,
            Returned = Math.Min(take, entries.Count),
            MoreMatched = entries.Count > take,

            // The store gives the newest matches oldest first; the answer starts with the newest.
            Records = [.. entries.Reverse().Take(take).Select(LogRecordView.Of)],
        };
    }

    [McpServerTool(Name = "count_logs", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Count the log records that match, in total and per service (same filters as search_logs).")]
    public async Task<LogCountResult> CountAsync(
        [Description("Words the body or an attribute must contain.")] string? text = null,
        [Description("Only this service (service.name).")] string? service = null,
        [Description("Minimum level: trace, debug, info, warn, error, fatal.")] string? level = null,
        [Description("Attribute filters, each key=value (exact match), all must hold.")] string[]? attributes = null,
        [Description("Start: a duration back from now (15m, 2h, 1d) or an RFC 3339 time. Default 1h.")] string? since = null,
        [Description("End: a duration back from now or an RFC 3339 time. Default now.")] string? until = null,
        CancellationToken cancellationToken = default)
    {
        var query = Query(text, service, level, attributes, since, until);
        var counts = await counter.CountLogsByServiceAsync(query, cancellationToken).ConfigureAwait(false);
        return new LogCountResult
        {
            From = query.From!.Value,
            To = query.To!.Value,
            Total = counts.Values.Sum(),
            ByService = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        };
    }

    private LogQuery Query(string? text, string? service, string? level, string[]? attributes, string? since, string? until)
    {
        var (from, to) = ToolArguments.Range(since, until, options.Clock.GetUtcNow(), DefaultWindow);
        return new LogQuery
        {
            Text = ToolArguments.Text("text", text),
            ServiceName = ToolArguments.Text("service", service, 512),
            MinimumSeverity = ToolArguments.Level(level),
            Attributes = ToolArguments.Attributes("attributes", attributes),
            From = from,
            To = to,
        };
    }
}
