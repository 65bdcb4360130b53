using System.Globalization;
using System.Net;
using Vigil.Alerting.Notifications;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// The signed acknowledgement links of notifications: <c>GET /api/alerts/{id}/ack-link?expires=...&amp;signature=...</c>
/// checks the link and shows a page with one button, which posts the same address and acknowledges the alert
/// (<c>By = "link"</c>). Two steps on purpose: mail scanners and chat unfurlers fetch every link they see, and a GET
/// that acknowledged would silence a page nobody read. The signature is the credential, so these two answer without
/// the API key; an altered link gets 403, an expired one 410. (Its own path: <c>POST /api/alerts/{id}/ack</c> is the
/// API's acknowledgement with a JSON body, behind the key.)
/// </summary>
internal static class AlertAcknowledgementLinkEndpoints
{
    public const string Pattern = "/api/alerts/{id}/ack-link";

    /// <summary>The link's acknowledger, as the store records it.</summary>
    public const string By = "link";

    public static IEndpointRouteBuilder MapVigilAlertAcknowledgementLinks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Pattern, ShowAsync);
        endpoints.MapPost(Pattern, AcknowledgeAsync);
        return endpoints;
    }

    /// <summary>Whether a request is one of these links, which the API key check lets through to their own check.</summary>
    public static bool IsLinkRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method))
        && request.Query.ContainsKey(AcknowledgementLinks.SignatureParameter)
        && request.Path.StartsWithSegments("/api/alerts", StringComparison.Ordinal)
        && request.Path.Value!.EndsWith("/ack-link", StringComparison.Ordinal);

    private static async Task<IResult> ShowAsync(HttpContext context, string id)
    {
        if (Refusal(context, id, out var alertId) is { } refused)
        {
            return refused;
        }

        var store = context.RequestServices.GetRequiredService<ITelemetryStore>();
        if (await store.GetAlertAsync(alertId, context.RequestAborted).ConfigureAwait(false) is not { } alert)
        {
            return ApiResults.NotFound($"no alert {alertId} in the store");
        }

        var name = WebUtility.HtmlEncode(alert.Labels.ToString());
        var state = alert.Acknowledgement is { } ack
            ? $"<p>Already acknowledged by {WebUtility.HtmlEncode(ack.By)} at {ack.At:u}.</p>"
            : alert.State == AlertState.Firing ? string.Empty : $"<p>It is {alert.State.ToString().ToLowerInvariant()}, not firing: there is nothing to acknowledge.</p>";
        var action = WebUtility.HtmlEncode(context.Request.Path + context.Request.QueryString.ToUriComponent());
        var html = $"""
            <!doctype html><html><head><meta charset="utf-8"><title>Acknowledge alert {alertId}</title></head>
            <body><h1>Alert {alertId}</h1><p>{name}</p>{state}
            <form method="post" action="{action}"><button type="submit">Acknowledge</button></form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static async Task<IResult> AcknowledgeAsync(HttpContext context, string id)
    {
        if (Refusal(context, id, out var alertId) is { } refused)
        {
            return refused;
        }

        var store = context.RequestServices.GetRequiredService<ITelemetryStore>();
        AlertInstance? alert;
        try
        {
            alert = await store.AcknowledgeAlertAsync(alertId, new AlertAcknowledgement { By = By, At = ApiResults.Now(context), Comment = "acknowledged from a notification's link" }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ChangeRefusedException e)
        {
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not firing");
        }

        return alert is null
            ? ApiResults.NotFound($"no alert {alertId} in the store")
            : Results.Content(string.Create(CultureInfo.InvariantCulture, $"Alert {alertId} {alert.Labels} is acknowledged; escalation stops.\n"), "text/plain; charset=utf-8");
    }

    private static IResult? Refusal(HttpContext context, string id, out long alertId)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out alertId) || alertId <= 0)
        {
            return Results.Problem(detail: $"'{(id.Length > 40 ? id[..40] + "..." : id)}' is not an alert id: a whole number from 1", statusCode: StatusCodes.Status400BadRequest, title: "Bad alert id");
        }

        var links = context.RequestServices.GetRequiredService<AcknowledgementLinks>();
        var query = context.Request.Query;
        return links.Check(alertId, query[AcknowledgementLinks.ExpiresParameter], query[AcknowledgementLinks.SignatureParameter], ApiResults.Now(context)) switch
        {
            AcknowledgementLinkCheck.Valid => null,
            AcknowledgementLinkCheck.Expired => Results.Problem(detail: "this acknowledgement link has expired: acknowledge with 'vigil alerts ack ID', or use the link of a newer notification", statusCode: StatusCodes.Status410Gone, title: "Link expired"),
            AcknowledgementLinkCheck.Tampered => Results.Problem(detail: "this acknowledgement link's signature does not match its alert and expiry: use the link exactly as the notification gave it", statusCode: StatusCodes.Status403Forbidden, title: "Link not valid"),
            _ => Results.Problem(detail: $"an acknowledgement link carries '{AcknowledgementLinks.ExpiresParameter}' (unix seconds) and '{AcknowledgementLinks.SignatureParameter}': use the link exactly as the notification gave it", statusCode: StatusCodes.Status403Forbidden, title: "Link not valid"),
        };
    }
}
