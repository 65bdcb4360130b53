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
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), "service", "since", "until", "status", "severity", "limit");
        var query = new ErrorGroupQuery
        {
            ServiceName = p.Text("service"),
            From = p.Time("since"),
            To = p.Time("until"),
            Status = ApiParse.GroupStatus("status", p.Text("status", 16)),
            MinimumSeverity = ApiParse.GroupSeverity("severity", p.Text("severity", 16)),
            Limit = p.Int("limit", ErrorGroupQuery.DefaultLimit, 1, QueryLimits.MaxLimit),
        };
        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        var groups = await store.QueryErrorGroupsAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ItemsPage<ErrorGroup>(groups, null));
    });

    public static Task<IResult> GetAsync(HttpContext context, string id) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), "hours", "events");
        var groupId = ApiParse.GroupId("id", id);
        var hours = p.Int("hours", DefaultHours, 0, MaxHours);
        var events = p.Int("events", DefaultEvents, 0, MaxEvents);
        var store = context.RequestServices.GetRequiredService<ITriageStore>();
        var detail = await store.GetErrorGroupAsync(groupId, hours, events, context.RequestAborted).ConfigureAwait(false);
        return detail is null ? ApiResults.NotFound($"no error group {groupId} in the store") : ApiResults.Json(detail);
    });
}
