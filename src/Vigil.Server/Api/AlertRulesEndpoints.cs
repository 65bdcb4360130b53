using Vigil.Alerting.Rules;
using Vigil.Api.Contracts.V1;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/alerts/rules</c>: the rules in force with their state and latest evaluation (<c>vigil alerts rules</c>);
/// <c>POST /api/alerts/reload</c>: re-read the configuration file and rule files (<c>vigil alerts reload</c>). A
/// reload with any problem keeps the rules in force; the answer is still 200, with <c>succeeded: false</c> and the
/// problems, because the request itself was fine: it is the files that are wrong.
/// </summary>
internal static class AlertRulesEndpoints
{
    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(() =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        var engine = Engine(context);
        var answer = new ApiAlertRules { Rules = [.. engine.Rules.Select(ToApi)], LastReload = engine.LastReload is { } r ? ToApi(r) : null };
        return Task.FromResult(ApiResults.Json(answer, ApiJson.TypeInfo<ApiAlertRules>()));
    });

    public static Task<IResult> ReloadAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        var reload = await Engine(context).ReloadAsync(context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(ToApi(reload), ApiJson.TypeInfo<ApiAlertReload>());
    });

    private static AlertRuleEngine Engine(HttpContext context) =>
        context.RequestServices.GetService<AlertRuleEngine>()
        ?? throw new NotSupportedException("this server runs no alert rule engine");

    private static ApiAlertRule ToApi(AlertRuleStatus rule) => new()
    {
        Name = rule.Name,
        Kind = rule.Kind,
        Source = rule.Source,
        Interval = rule.Interval,
        For = rule.For,
        KeepFiringFor = rule.KeepFiringFor,
        Severity = rule.Severity,
        Labels = rule.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
        Annotations = rule.Annotations,
        State = rule.State.ToApi(),
        Firing = rule.Firing,
        Pending = rule.Pending,
        LastEvaluation = rule.LastEvaluation,
        LastDuration = rule.LastDuration,
        LastError = rule.LastError,
        Evaluations = rule.Evaluations,
        Failures = rule.Failures,
    };

    private static ApiAlertReload ToApi(AlertRuleReload reload) => new()
    {
        At = reload.At,
        Trigger = reload.Trigger,
        Succeeded = reload.Succeeded,
        Rules = reload.Rules,
        Problems = reload.Problems,
    };
}
