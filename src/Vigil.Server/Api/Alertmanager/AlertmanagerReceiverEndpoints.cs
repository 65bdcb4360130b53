using Vigil.Alerting;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api.Alertmanager;

/// <summary>
/// <c>POST /api/v2/alerts</c> on the query port: Alertmanager's receiving API, so Prometheus (its <c>alerting:</c>
/// section) can send its alerts to <c>vigil serve</c>. Each alert is stored as an alert instance (its rule name is
/// its <c>alertname</c>; firing, or resolved once its <c>endsAt</c> has passed: <see cref="ReceivedAlertExpiry"/> resolves
/// one that is not sent again) and handed to the notifier, which
/// routes, groups, silences and escalates it like Vigil's own. Answers 200 with an empty body, as Alertmanager does.
/// </summary>
internal static class AlertmanagerReceiverEndpoints
{
    public const string Path = "/api/v2/alerts";

    /// <summary>
    /// How long an alert posted without <c>endsAt</c> fires unless it is sent again: Alertmanager's default
    /// <c>resolve_timeout</c>. (Prometheus always sends an <c>endsAt</c>, a few evaluation intervals ahead.)
    /// </summary>
    public static readonly TimeSpan ResolveTimeout = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapVigilAlertmanagerReceiver(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, (Func<HttpContext, Task<IResult>>)PostAsync);
        return endpoints;
    }

    private static Task<IResult> PostAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        var posted = AlertmanagerAlertsBody.Parse(await JsonBody.ReadAsync(context.Request, AlertmanagerAlertsBody.MaxBytes, "a batch of alerts (Prometheus sends at most 64)", context.RequestAborted).ConfigureAwait(false));

        // The same label set twice in one batch: the later one wins, as Alertmanager merges them.
        var instances = posted
            .GroupBy(a => a.Labels)
            .Select(g => ToInstance(g.Last(), now))
            .ToList();
        if (instances.Count > 0)
        {
            var services = context.RequestServices;
            var store = services.GetService<IAlertStateStore>() ?? services.GetRequiredService<ITelemetryStore>();
            var saved = await store.SaveAlertsAsync(instances, context.RequestAborted).ConfigureAwait(false);
            if (services.GetService<IAlertNotifier>() is { } notifier)
            {
                await notifier.PublishAsync(saved, context.RequestAborted).ConfigureAwait(false);
            }
        }

        return Results.Ok();
    });

    public static AlertInstance ToInstance(PostedAlert alert, DateTimeOffset now)
    {
        // Alertmanager's rules: no start means now; an end in the past means resolved.
        var startsAt = alert.StartsAt ?? now;
        var resolved = alert.EndsAt is { } end && end <= now;
        return new AlertInstance
        {
            RuleName = alert.Name,
            Labels = alert.Labels,
            Annotations = alert.Annotations,
            State = resolved ? AlertState.Resolved : AlertState.Firing,
            ActiveSince = startsAt,
            FiredAt = startsAt,
            ResolvedAt = resolved ? alert.EndsAt : null,
            EndsAt = alert.EndsAt ?? now + ResolveTimeout,
            LastEvaluated = now,
        };
    }
}
