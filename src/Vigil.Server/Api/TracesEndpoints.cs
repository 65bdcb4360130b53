using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary><c>GET /api/traces</c> and <c>GET /api/traces/{traceId}</c>.</summary>
internal static class TracesEndpoints
{
    /// <summary>The most log records returned with one trace (as <c>vigil traces ID</c> shows).</summary>
    public const int MaxTraceLogs = 1000;

    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), "service", "since", "until", "minDuration", "errors", "limit");
        var query = new TraceQuery
        {
            ServiceName = p.Text("service"),
            From = p.Time("since"),
            To = p.Time("until"),
            MinDuration = p.Duration("minDuration"),
            ErrorsOnly = p.Bool("errors"),
            Limit = p.Int("limit", TraceQuery.DefaultLimit, 1, QueryLimits.MaxLimit),
        };
        var store = context.RequestServices.GetRequiredService<ITelemetryStore>();
        var traces = await store.QueryTracesAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ItemsPage<TraceSummary>(traces, null));
    });

    public static Task<IResult> GetAsync(HttpContext context, string traceId) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        var id = ApiParse.TraceId("traceId", traceId)!;
        var store = context.RequestServices.GetRequiredService<ITelemetryStore>();
        var spans = await store.GetTraceAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (spans.Count == 0)
        {
            return ApiResults.NotFound($"no trace {id} in the store");
        }

        var logs = await store.QueryLogsAsync(new LogQuery { TraceId = id, Limit = MaxTraceLogs }, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new TraceDetail(id, spans, logs));
    });
}
