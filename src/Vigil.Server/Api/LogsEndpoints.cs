using System.Globalization;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary><c>GET /api/logs</c>: every filter <c>vigil logs</c> has.</summary>
internal static class LogsEndpoints
{
    public static Task<IResult> QueryAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), "service", "level", "since", "until", "grep", "trace", "where", "limit", "after");
        var query = new LogQuery
        {
            ServiceName = p.Text("service"),
            MinimumSeverity = ApiParse.Severity("level", p.Text("level", 16)),
            From = p.Time("since"),
            To = p.Time("until"),
            Text = p.Text("grep", QueryLimits.MaxTextLength) is { Length: > 0 } grep ? grep : null,
            TraceId = ApiParse.TraceId("trace", p.Text("trace", 64)),
            Attributes = p.Where("where"),
            Limit = p.Int("limit", LogQuery.DefaultLimit, 1, QueryLimits.MaxLimit),
            AfterSequence = p.Long("after"),
        };
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var entries = await store.QueryLogsAsync(query, context.RequestAborted).ConfigureAwait(false);

        // The highest sequence returned: asking again with after=next gives what came later.
        var next = entries.Count == 0 ? query.AfterSequence : entries.Max(e => e.Sequence);
        return ApiResults.Json(new ItemsPage<LogEntry>(entries, next?.ToString(CultureInfo.InvariantCulture)));
    });
}
