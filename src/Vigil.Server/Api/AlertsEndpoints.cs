using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/alerts</c>, <c>/api/alerts/{id}</c>, <c>/api/alerts/history</c> and <c>/api/alerts/notifications</c>:
/// alert instances and their history as <c>vigil alerts</c> lists them.
/// </summary>
internal static class AlertsEndpoints
{
    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Alerts.All);
        var query = new AlertQuery
        {
            States = ApiParse.AlertStates(ApiQueryParameters.Alerts.State, p.Repeated(ApiQueryParameters.Alerts.State, 16)),
            RuleName = p.Text(ApiQueryParameters.Alerts.Rule),
            Matchers = ApiParse.Matchers(ApiQueryParameters.Alerts.Match, p.Repeated(ApiQueryParameters.Alerts.Match, LabelMatcher.MaxLength)),
            Limit = p.Int(ApiQueryParameters.Alerts.Limit, new AlertQuery().Limit, 1, QueryLimits.MaxLimit),
        };
        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        var alerts = await store.QueryAlertsAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiAlert> { Items = [.. alerts.Select(a => a.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiAlert>>());
    });

    public static Task<IResult> GetAsync(HttpContext context, string id) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        var alertId = ApiParse.Id("id", id, "an alert id");
        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        var alert = await store.GetAlertAsync(alertId, context.RequestAborted).ConfigureAwait(false);
        return alert is null ? ApiResults.NotFound($"no alert {alertId} in the store") : ApiResults.Json(alert.ToApi(), ApiJson.TypeInfo<ApiAlert>());
    });

    public static Task<IResult> HistoryAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var query = HistoryQuery(context);
        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        var transitions = await store.QueryAlertHistoryAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiAlertTransition> { Items = [.. transitions.Select(t => t.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiAlertTransition>>());
    });

    public static Task<IResult> NotificationsAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var query = HistoryQuery(context);
        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        var attempts = await store.QueryNotificationsAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiNotificationAttempt> { Items = [.. attempts.Select(a => a.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiNotificationAttempt>>());
    });

    private static AlertHistoryQuery HistoryQuery(HttpContext context)
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.AlertHistory.All);
        var alert = p.Text(ApiQueryParameters.AlertHistory.Alert, 20);
        return new AlertHistoryQuery
        {
            AlertId = alert is null ? null : ApiParse.Id(ApiQueryParameters.AlertHistory.Alert, alert, "an alert id"),
            RuleName = p.Text(ApiQueryParameters.AlertHistory.Rule),
            Matchers = ApiParse.Matchers(ApiQueryParameters.AlertHistory.Match, p.Repeated(ApiQueryParameters.AlertHistory.Match, LabelMatcher.MaxLength)),
            Since = p.Time(ApiQueryParameters.AlertHistory.Since),
            Until = p.Time(ApiQueryParameters.AlertHistory.Until),
            Limit = p.Int(ApiQueryParameters.AlertHistory.Limit, new AlertHistoryQuery().Limit, 1, QueryLimits.MaxLimit),
        };
    }
}
