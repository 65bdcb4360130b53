using System.Globalization;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary><c>GET /api/logs</c>: every filter <c>vigil logs</c> has.</summary>
internal static class LogsEndpoints
{
    public static Task<IResult> QueryAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var query = ReadQuery(context);
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var entries = await store.QueryLogsAsync(query, context.RequestAborted).ConfigureAwait(false);
        var page = query.BeforeSequence is null ? Page(entries, query.AfterSequence) : OlderPage(entries, query.Limit);
        return ApiResults.Json(page, ApiJson.TypeInfo<ApiPage<ApiLogRecord>>());
    });

    /// <summary>The log query of <c>/api/logs</c>' parameters, checked; the live tail (<see cref="LogTailEndpoint"/>) takes the same.</summary>
    public static LogQuery ReadQuery(HttpContext context)
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Logs.All);
        return ReadFilters(p) with
        {
            Limit = p.Int(ApiQueryParameters.Logs.Limit, LogQuery.DefaultLimit, 1, QueryLimits.MaxLimit),
            AfterSequence = p.Long(ApiQueryParameters.Logs.After),
            BeforeSequence = Before(p),
        };
    }

    /// <summary>Which records: the filters every log endpoint reads the same way (paging and limits are each endpoint's).</summary>
    public static LogQuery ReadFilters(QueryParameters p) => new()
    {
        ServiceName = p.Text(ApiQueryParameters.Logs.Service),
        MinimumSeverity = ApiParse.Severity(ApiQueryParameters.Logs.Level, p.Text(ApiQueryParameters.Logs.Level, 16)),
        From = p.Time(ApiQueryParameters.Logs.Since),
        To = p.Time(ApiQueryParameters.Logs.Until),
        Text = p.Text(ApiQueryParameters.Logs.Grep, QueryLimits.MaxTextLength) is { Length: > 0 } grep ? grep : null,
        TraceId = ApiParse.TraceId(ApiQueryParameters.Logs.Trace, p.Text(ApiQueryParameters.Logs.Trace, 64)),
        Attributes = p.Where(ApiQueryParameters.Logs.Where),
    };

    private static long? Before(QueryParameters p)
    {
        var before = p.Long(ApiQueryParameters.Logs.Before);
        return before is not null && p.Long(ApiQueryParameters.Logs.After) is not null
            ? throw new BadParameterException("before: cannot be given with after (a page goes one way: after pages forward, before back)")
            : before;
    }

    /// <summary>
    /// A page back in time (<c>before=</c>): <c>next</c> is the lowest sequence returned, to send as <c>before</c> for
    /// the page older than this one, and null when this page was not full (nothing older matches).
    /// </summary>
    public static ApiPage<ApiLogRecord> OlderPage(IReadOnlyList<LogEntry> entries, int limit) => new()
    {
        Items = [.. entries.Select(e => e.ToApi())],
        Next = entries.Count < limit ? null : entries.Min(e => e.Sequence).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The records as a page whose <c>next</c> is the highest sequence returned (or <paramref name="after"/> when
    /// nothing matched): asking again with after=next gives what came later.
    /// </summary>
    public static ApiPage<ApiLogRecord> Page(IReadOnlyList<LogEntry> entries, long? after)
    {
        var next = entries.Count == 0 ? after : entries.Max(e => e.Sequence);
        return new ApiPage<ApiLogRecord> { Items = [.. entries.Select(e => e.ToApi())], Next = next?.ToString(CultureInfo.InvariantCulture) };
    }
}
