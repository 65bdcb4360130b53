using Vigil.Api.Contracts.V1;
using Vigil.Storage;
using Vigil.Storage.Logs;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/logs/patterns</c>: the newest records matching <c>/api/logs</c>' filters (at most <c>limit</c>), grouped
/// by the message they were written from (<see cref="LogPatterns"/>). It reads records, not an index, so its cost is
/// the limit's: the answer says how many were read and whether that was all of them.
/// </summary>
internal static class LogPatternsEndpoint
{
    /// <summary>Patterns returned when the request does not say.</summary>
    public const int DefaultPatterns = 100;

    /// <summary>The most patterns one answer holds.</summary>
    public const int MaxPatterns = 1_000;

    public static Task<IResult> GetAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.LogPatterns.All);
        var limit = p.Int(ApiQueryParameters.LogPatterns.Limit, LogPatterns.DefaultRecords, 1, QueryLimits.MaxLimit);
        var patterns = p.Int(ApiQueryParameters.LogPatterns.Patterns, DefaultPatterns, 1, MaxPatterns);
        // Newest first: a page back from past every sequence, so "the newest N" whatever the store's order.
        var query = LogsEndpoints.ReadFilters(p) with { Limit = limit, BeforeSequence = long.MaxValue };
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var logs = await store.QueryLogsAsync(query, context.RequestAborted).ConfigureAwait(false);
        var groups = LogPatterns.Group(logs, int.MaxValue);
        var answer = new ApiLogPatterns
        {
            Scanned = logs.Count,
            Limit = limit,
            Complete = logs.Count < limit,
            PatternCount = groups.Count,
            Patterns = [.. groups.Take(patterns).Select(g => g.ToApi())],
        };
        return ApiResults.Json(answer, ApiJson.TypeInfo<ApiLogPatterns>());
    });
}
