using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary><c>GET /api/errors</c> and <c>GET /api/errors/{id}</c>: error groups as <c>vigil errors</c> lists and shows them.</summary>
internal static class ErrorsEndpoints
{
    /// <summary>The hours of counts <c>GET /api/errors/{id}</c> returns when <c>hours</c> is not given.</summary>
    public const int DefaultHours = 24;

    /// <summary>The most hours of counts: 90 days, longer than any retention worth asking about.</summary>
    public const int MaxHours = 24 * 90;

    /// <summary>The latest events returned when <c>events</c> is not given.</summary>
    public const int DefaultEvents = 10;

    /// <summary>The most latest events one request returns.</summary>
    public const int MaxEvents = 1000;

    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Errors.All);
        var query = new ErrorGroupQuery
        {
            ServiceName = p.Text(ApiQueryParameters.Errors.Service),
            From = p.Time(ApiQueryParameters.Errors.Since),
            To = p.Time(ApiQueryParameters.Errors.Until),
            Status = ApiParse.GroupStatus(ApiQueryParameters.Errors.Status, p.Text(ApiQueryParameters.Errors.Status, 16)),
            MinimumSeverity = ApiParse.GroupSeverity(ApiQueryParameters.Errors.Severity, p.Text(ApiQueryParameters.Errors.Severity, 16)),
            Limit = p.Int(ApiQueryParameters.Errors.Limit, ErrorGroupQuery.DefaultLimit, 1, QueryLimits.MaxLimit),
        };
        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        var groups = await store.QueryErrorGroupsAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiErrorGroup> { Items = [.. groups.Select(g => g.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiErrorGroup>>());
    });

    public static Task<IResult> GetAsync(HttpContext context, string id) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.ErrorDetail.All);
        var groupId = ApiParse.GroupId("id", id);
        var hours = p.Int(ApiQueryParameters.ErrorDetail.Hours, DefaultHours, 0, MaxHours);
        var events = p.Int(ApiQueryParameters.ErrorDetail.Events, DefaultEvents, 0, MaxEvents);
        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        var detail = await store.GetErrorGroupAsync(groupId, hours, events, context.RequestAborted).ConfigureAwait(false);
        return detail is null ? ApiResults.NotFound($"no error group {groupId} in the store") : ApiResults.Json(detail.ToApi(), ApiJson.TypeInfo<ApiErrorGroupDetail>());
    });
}
