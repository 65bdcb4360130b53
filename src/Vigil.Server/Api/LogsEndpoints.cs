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
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.Logs.All);
        var query = new LogQuery
        {
            ServiceName = p.Text(ApiQueryParameters.Logs.Service),
            MinimumSeverity = ApiParse.Severity(ApiQueryParameters.Logs.Level, p.Text(ApiQueryParameters.Logs.Level, 16)),
            From = p.Time(ApiQueryParameters.Logs.Since),
            To = p.Time(ApiQueryParameters.Logs.Until),
            Text = p.Text(ApiQueryParameters.Logs.Grep, QueryLimits.MaxTextLength) is { Length: > 0 } grep ? grep : null,
            TraceId = ApiParse.TraceId(ApiQueryParameters.Logs.Trace, p.Text(ApiQueryParameters.Logs.Trace, 64)),
            Attributes = p.Where(ApiQueryParameters.Logs.Where),
            Limit = p.Int(ApiQueryParameters.Logs.Limit, LogQuery.DefaultLimit, 1, QueryLimits.MaxLimit),
            AfterSequence = p.Long(ApiQueryParameters.Logs.After),
        };
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var entries = await store.QueryLogsAsync(query, context.RequestAborted).ConfigureAwait(false);

        // The highest sequence returned: asking again with after=next gives what came later.
        var next = entries.Count == 0 ? query.AfterSequence : entries.Max(e => e.Sequence);
        return ApiResults.Json(
            new ApiPage<ApiLogRecord> { Items = [.. entries.Select(e => e.ToApi())], Next = next?.ToString(CultureInfo.InvariantCulture) },
            ApiJson.TypeInfo<ApiPage<ApiLogRecord>>());
    });
}
