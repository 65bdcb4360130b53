using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/health</c>: the applications' health checks and the server's probes, as <c>vigil health</c> prints
/// them, stale states (checks that stopped reporting) counting as unhealthy in the overall status. Not the server's
/// own health, which is <c>/health/live</c> and <c>/health/ready</c>.
/// </summary>
internal static class HealthStatesEndpoints
{
    /// <summary>The most results per check one <c>/api/health/history</c> request returns.</summary>
    public const int MaxHistoryPerCheck = 1000;

    public static Task<IResult> QueryAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Health.All);
        var query = new HealthQuery
        {
            ServiceName = p.Text(ApiQueryParameters.Health.Service),
            Kind = ApiParse.HealthKind(ApiQueryParameters.Health.Kind, p.Text(ApiQueryParameters.Health.Kind, 16)),
            StaleAfter = p.Duration(ApiQueryParameters.Health.StaleAfter),
        };
        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        var states = await store.QueryHealthAsync(query, context.RequestAborted).ConfigureAwait(false);
        var worst = HealthState.Worst(states);
        return ApiResults.Json(
            new ApiHealthOverview { Status = (ApiHealthStatus)worst, Items = [.. states.Select(s => s.ToApi())] },
            ApiJson.TypeInfo<ApiHealthOverview>());
    });

    /// <summary>
    /// <c>GET /api/health/history</c>: every matching check's and probe's newest results in the range (at most
    /// <c>limit</c> each), in one answer so the dashboard draws every row's history bar from one request.
    /// </summary>
    public static Task<IResult> HistoryAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.HealthHistory.All);
        var query = new HealthHistoryQuery
        {
            ServiceName = p.Text(ApiQueryParameters.HealthHistory.Service),
            Kind = ApiParse.HealthKind(ApiQueryParameters.HealthHistory.Kind, p.Text(ApiQueryParameters.HealthHistory.Kind, 16)),
            Name = p.Text(ApiQueryParameters.HealthHistory.Name),
            From = p.Time(ApiQueryParameters.HealthHistory.Since),
            To = p.Time(ApiQueryParameters.HealthHistory.Until),
            PerCheck = p.Int(ApiQueryParameters.HealthHistory.Limit, HealthHistoryQuery.DefaultPerCheck, 1, MaxHistoryPerCheck),
        };
        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        var histories = await store.QueryHealthHistoryAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiHealthHistory> { Items = [.. histories.Select(h => h.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiHealthHistory>>());
    });
}
