using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/silences</c>, <c>POST /api/silences</c> and <c>POST /api/silences/{id}/expire</c>: the silences the
/// notifier reads from the store, listed, created and ended as <c>vigil alerts silence|silences|expire</c> do.
/// </summary>
internal static class SilencesEndpoints
{
    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        var p = new QueryParameters(context.Request.Query, now, ApiQueryParameters.Silences.All);
        var includeExpired = p.Bool(ApiQueryParameters.Silences.IncludeExpired);
        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        var silences = await store.QuerySilencesAsync(now, includeExpired, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiSilence> { Items = [.. silences.Select(s => s.ToApi(now))] }, ApiJson.TypeInfo<ApiPage<ApiSilence>>());
    });

    public static Task<IResult> CreateAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        _ = new QueryParameters(context.Request.Query, now);
        var silence = await SilenceBody.ReadAsync(context.Request, now, context.RequestAborted).ConfigureAwait(false);
        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        Silence created;
        try
        {
            created = await store.CreateSilenceAsync(silence, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ChangeRefusedException e)
        {
            // The store's own check (no matcher, ends before it starts); the body reader refuses both first.
            throw new BadBodyException(StatusCodes.Status400BadRequest, "body: " + e.Message);
        }

        return Results.Json(created.ToApi(now), ApiJson.TypeInfo<ApiSilence>(), statusCode: StatusCodes.Status201Created);
    });

    public static Task<IResult> ExpireAsync(HttpContext context, string id) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        _ = new QueryParameters(context.Request.Query, now);
        var silenceId = ApiParse.Id("id", id, "a silence id");
        var store = context.RequestServices.GetRequiredService<IAlertTriageStore>();
        var silence = await store.ExpireSilenceAsync(silenceId, now, context.RequestAborted).ConfigureAwait(false);
        return silence is null ? ApiResults.NotFound($"no silence {silenceId} in the store") : ApiResults.Json(silence.ToApi(now), ApiJson.TypeInfo<ApiSilence>());
    });
}
