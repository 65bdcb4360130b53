using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>POST /api/alerts/{id}/ack</c> with <c>{"by": "ana", "comment": "on it"}</c>: someone is on a firing alert, so
/// escalation stops. The store keeps it, so the server that notifies sees it whichever server took the request.
/// </summary>
internal static class AlertAckEndpoint
{
    /// <summary>The largest body read.</summary>
    public const int MaxBytes = 4096;

    /// <summary>The longest <c>by</c> and <c>comment</c>.</summary>
    public const int MaxTextLength = 1024;

    private static readonly string[] s_fields = ["by", "comment"];

    public static Task<IResult> PostAsync(HttpContext context, string id) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        _ = new QueryParameters(context.Request.Query, now);
        var alertId = ApiParse.Id("id", id, "an alert id");
        var body = await JsonBody.ReadAsync(context.Request, MaxBytes, "an acknowledgement", context.RequestAborted).ConfigureAwait(false);
        var ack = JsonBody.Parse(body, s_fields, "{\"by\": \"ana\", \"comment\": \"on it\"}", root => new AlertAcknowledgement
        {
            By = BodyText.Required(root, "by", MaxTextLength, "who acknowledges, such as a user name"),
            Comment = BodyText.Optional(root, "comment", MaxTextLength),
            At = now,
        });

        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        AlertInstance? alert;
        try
        {
            alert = await store.AcknowledgeAlertAsync(alertId, ack, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ChangeRefusedException e)
        {
            // The contract's "the instance is not firing": a conflict with its state, not a malformed request.
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status409Conflict, title: "Not firing");
        }

        return alert is null ? ApiResults.NotFound($"no alert {alertId} in the store") : ApiResults.Json(alert.ToApi(), ApiJson.TypeInfo<ApiAlert>());
    });
}
