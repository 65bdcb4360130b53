using Vigil.Server.Api;

namespace Vigil.Server;

/// <summary>
/// Maps the JSON query API (<c>/api/logs</c>, <c>/api/traces</c>, <c>/api/builds</c>, <c>/api/metrics</c>, <c>/api/errors</c>,
/// <c>/api/health</c>, <c>/api/status</c>, <c>/api/alerts</c>, <c>/api/silences</c>, <c>/api/slos</c>); see docs/api.md.
/// </summary>
public static class QueryApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the query API. Needs the store's reading and triage roles in DI; honours <see cref="QueryApiOptions"/>
    /// (an optional API key) and an optional <see cref="TimeProvider"/> for relative times.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    public static IEndpointRouteBuilder MapVigilQueryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Handlers taking only HttpContext are cast so minimal APIs write their IResult (ASP0016).
        var api = endpoints.MapGroup(ApiVersionHeader.ApiPath);

        // First, so refusals (a wrong key, a bad parameter) say which contract they speak too.
        api.AddEndpointFilter(static (context, next) =>
        {
            ApiVersionHeader.Set(context.HttpContext.Response);
            return next(context);
        });
        api.AddEndpointFilter<ApiKeyFilter>();
        api.AddEndpointFilter<QueryCancellationFilter>();
        api.MapGet("/logs", (Func<HttpContext, Task<IResult>>)LogsEndpoints.QueryAsync);
        api.MapGet("/logs/tail", (Func<HttpContext, Task<IResult>>)LogTailEndpoint.TailAsync);
        api.MapGet("/logs/patterns", (Func<HttpContext, Task<IResult>>)LogPatternsEndpoint.GetAsync);
        api.MapGet("/traces", (Func<HttpContext, Task<IResult>>)TracesEndpoints.ListAsync);
        api.MapGet("/traces/{traceId}", TracesEndpoints.GetAsync);
        api.MapGet("/builds", (Func<HttpContext, Task<IResult>>)BuildsEndpoints.ListAsync);
        api.MapGet("/builds/{traceId}", BuildsEndpoints.GetAsync);
        api.MapGet("/trace-ids", (Func<HttpContext, Task<IResult>>)TracesEndpoints.FindIdsAsync);
        api.MapGet("/metrics", (Func<HttpContext, Task<IResult>>)MetricsEndpoints.ListAsync);
        api.MapGet("/metrics/{name}", MetricsEndpoints.QueryAsync);
        api.MapGet("/metric-points", (Func<HttpContext, Task<IResult>>)MetricPointsEndpoint.GetAsync);
        api.MapGet("/metric-exemplars", (Func<HttpContext, Task<IResult>>)MetricExemplarsEndpoint.GetAsync);
        api.MapGet("/errors", (Func<HttpContext, Task<IResult>>)ErrorsEndpoints.ListAsync);
        api.MapGet("/errors/{id}", ErrorsEndpoints.GetAsync);

        // The writes (this, and the alert triage below) sit behind the same API key as every /api/* request (docs/api.md).
        api.MapPost("/errors/{id}/status", ErrorStatusEndpoint.PostAsync);
        api.MapGet("/health", (Func<HttpContext, Task<IResult>>)HealthStatesEndpoints.QueryAsync);
        api.MapGet("/health/history", (Func<HttpContext, Task<IResult>>)HealthStatesEndpoints.HistoryAsync);
        api.MapGet("/overview", (Func<HttpContext, Task<IResult>>)OverviewEndpoints.GetAsync);
        api.MapGet("/status", (Func<HttpContext, Task<IResult>>)StatusEndpoint.GetAsync);
        MapAlerts(api);
        PushEndpoints.Map(api);
        return endpoints;
    }

    /// <summary>Alerts, silences and SLOs: listing, history, and the triage writes (acknowledge, silence, expire).</summary>
    private static void MapAlerts(RouteGroupBuilder api)
    {
        api.MapGet("/alerts", (Func<HttpContext, Task<IResult>>)AlertsEndpoints.ListAsync);
        api.MapGet("/alerts/history", (Func<HttpContext, Task<IResult>>)AlertsEndpoints.HistoryAsync);
        api.MapGet("/alerts/notifications", (Func<HttpContext, Task<IResult>>)AlertsEndpoints.NotificationsAsync);
        api.MapGet("/alerts/rules", (Func<HttpContext, Task<IResult>>)AlertRulesEndpoints.ListAsync);
        api.MapPost("/alerts/reload", (Func<HttpContext, Task<IResult>>)AlertRulesEndpoints.ReloadAsync);
        api.MapGet("/alerts/{id}", AlertsEndpoints.GetAsync);
        api.MapPost("/alerts/{id}/ack", AlertAckEndpoint.PostAsync);
        api.MapGet("/silences", (Func<HttpContext, Task<IResult>>)SilencesEndpoints.ListAsync);
        api.MapPost("/silences", (Func<HttpContext, Task<IResult>>)SilencesEndpoints.CreateAsync);
        api.MapPost("/silences/{id}/expire", SilencesEndpoints.ExpireAsync);
        api.MapGet("/slos", (Func<HttpContext, Task<IResult>>)SlosEndpoints.ListAsync);
        api.MapGet("/slos/{name}", SlosEndpoints.GetAsync);
    }
}
