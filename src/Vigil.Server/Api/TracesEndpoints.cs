using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary><c>GET /api/traces</c>, <c>GET /api/traces/{traceId}</c> and <c>GET /api/trace-ids</c>.</summary>
internal static class TracesEndpoints
{
    /// <summary>The most log records returned with one trace (as <c>vigil traces ID</c> shows).</summary>
    public const int MaxTraceLogs = 1000;

    /// <summary>The most ids one <c>GET /api/trace-ids</c> returns.</summary>
    public const int MaxTraceIds = 100;

    /// <summary>The ids <c>GET /api/trace-ids</c> returns when <c>limit</c> is absent.</summary>
    public const int DefaultTraceIds = 10;

    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Traces.All);
        var query = new TraceQuery
        {
            ServiceName = p.Text(ApiQueryParameters.Traces.Service),
            RootName = p.Text(ApiQueryParameters.Traces.Root),
            From = p.Time(ApiQueryParameters.Traces.Since),
            To = p.Time(ApiQueryParameters.Traces.Until),
            MinDuration = p.Duration(ApiQueryParameters.Traces.MinDuration),
            ErrorsOnly = p.Bool(ApiQueryParameters.Traces.Errors),
            Limit = p.Int(ApiQueryParameters.Traces.Limit, TraceQuery.DefaultLimit, 1, QueryLimits.MaxLimit),
        };
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var traces = await store.QueryTracesAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiTraceSummary> { Items = [.. traces.Select(t => t.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiTraceSummary>>());
    });

    public static Task<IResult> GetAsync(HttpContext context, string traceId) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        var id = ApiParse.TraceId("traceId", traceId)!;
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var spans = await store.GetTraceAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (spans.Count == 0)
        {
            return ApiResults.NotFound($"no trace {id} in the store");
        }

        var logs = await store.QueryLogsAsync(new LogQuery { TraceId = id, Limit = MaxTraceLogs }, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(
            new ApiTraceDetail { TraceId = id, Spans = [.. spans.Select(s => s.ToApi())], Logs = [.. logs.Select(l => l.ToApi())] },
            ApiJson.TypeInfo<ApiTraceDetail>());
    });

    /// <summary>The stored trace ids that start with <c>prefix</c>, ascending: how a client takes a short id for a whole one.</summary>
    public static Task<IResult> FindIdsAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.TraceIds.All);
        var prefix = ApiParse.TraceIdPrefix(ApiQueryParameters.TraceIds.Prefix, p.Text(ApiQueryParameters.TraceIds.Prefix, 32));
        var limit = p.Int(ApiQueryParameters.TraceIds.Limit, DefaultTraceIds, 1, MaxTraceIds);
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var ids = await store.FindTraceIdsAsync(prefix, limit, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<string> { Items = ids }, ApiJson.TypeInfo<ApiPage<string>>());
    });
}
