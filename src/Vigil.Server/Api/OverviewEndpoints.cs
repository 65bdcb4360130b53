using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/overview</c>: each service over a range, as the dashboard's overview shows it. Requests, error rate and
/// p95 come from one aggregate of the store over every server span of the range
/// (<see cref="ISpanCountReader.SummarizeSpansAsync"/>), not from a sample of traces; open error groups, health and
/// firing alerts from the triage roles, as <c>/api/errors</c>, <c>/api/health</c> and <c>/api/alerts</c> give them.
/// </summary>
internal static class OverviewEndpoints
{
    /// <summary>The label an alert names its service with (the dashboard's rules and the shipped examples use it).</summary>
    public const string ServiceLabel = "service";

    public static Task<IResult> GetAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        var p = new QueryParameters(context.Request.Query, now, ApiQueryParameters.Overview.All);
        var to = p.Time(ApiQueryParameters.Overview.Until) ?? now;
        var range = MetricsEndpoints.DefaultRange;
        var from = p.Time(ApiQueryParameters.Overview.Since) ?? (to.UtcTicks - DateTimeOffset.MinValue.UtcTicks >= range.Ticks ? to - range : DateTimeOffset.MinValue);
        if (from >= to)
        {
            throw new BadParameterException("since: must be earlier than until (or now)");
        }

        var services = context.RequestServices;
        var spans = services.GetService<ISpanCountReader>();
        var triage = services.GetRequiredService<ITriageStore>();
        var alerts = services.GetRequiredService<IAlertTriageStore>();
        var token = context.RequestAborted;
        var requests = spans is null ? [] : await spans.SummarizeSpansAsync(new SpanSummaryQuery { From = from, To = to }, token).ConfigureAwait(false);
        var groups = await triage.QueryErrorGroupsAsync(new ErrorGroupQuery { From = from, To = to, Status = ErrorGroupStatus.Unresolved, Limit = QueryLimits.MaxLimit }, token).ConfigureAwait(false);
        var health = await triage.QueryHealthAsync(new HealthQuery(), token).ConfigureAwait(false);
        var firing = await alerts.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing], Limit = QueryLimits.MaxLimit }, token).ConfigureAwait(false);
        var overview = new ApiOverview
        {
            From = from,
            To = to,
            Services = ServiceOverviews.Combine(to - from, requests, groups, health, firing),
        };
        return ApiResults.Json(overview, ApiJson.TypeInfo<ApiOverview>());
    });
}
