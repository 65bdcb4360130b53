using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>POST /api/errors/{id}/status</c>: a user's triage decision (<c>vigil errors resolve|ignore|reopen</c>), the
/// query API's one write. POST rather than PUT because it is not idempotent: "ignore for 10 more events" counts from
/// the moment it is applied, and every change clears the regression mark.
/// </summary>
internal static class ErrorStatusEndpoint
{
    public static Task<IResult> PostAsync(HttpContext context, string id) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        _ = new QueryParameters(context.Request.Query, now);
        var groupId = ApiParse.GroupId("id", id);
        var change = await ErrorStatusBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (change.IgnoreUntil is { } until && until <= now)
        {
            // `vigil errors ignore --until` refuses a past time too: an ignore that has already ended is a mistake.
            throw new BadBodyException(StatusCodes.Status400BadRequest, $"ignoreUntil: {until:O} is not in the future");
        }

        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        ErrorGroup? group;
        try
        {
            group = await store.UpdateErrorGroupStatusAsync(groupId, change, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ChangeRefusedException e)
        {
            // The store's own check of the change (the contract's "the change is not valid").
            throw new BadBodyException(StatusCodes.Status400BadRequest, "body: " + e.Message);
        }

        return group is null ? ApiResults.NotFound($"no error group {groupId} in the store") : ApiResults.Json(group.ToApi(), ApiJson.TypeInfo<ApiErrorGroup>());
    });
}
