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
    public static Task<IResult> QueryAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), "service", "kind", "staleAfter");
        var query = new HealthQuery
        {
            ServiceName = p.Text("service"),
            Kind = ApiParse.HealthKind("kind", p.Text("kind", 16)),
            StaleAfter = p.Duration("staleAfter"),
        };
        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        var states = await store.QueryHealthAsync(query, context.RequestAborted).ConfigureAwait(false);
        var worst = HealthState.Worst(states);
        return ApiResults.Json(new HealthOverview(worst, states));
    });
}
