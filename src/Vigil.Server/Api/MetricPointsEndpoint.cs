using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Model.Text;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary><c>GET /api/metric-points</c>: each series' newest point, by metric name pattern.</summary>
internal static class MetricPointsEndpoint
{
    /// <summary>The series returned when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 10_000;

    public static Task<IResult> GetAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var p = new QueryParameters(context.Request.Query, ApiResults.Now(context), ApiQueryParameters.MetricPoints.All);
        var filter = p.Text(ApiQueryParameters.MetricPoints.Filter, NamePattern.MaxLength);
        if (filter is not null && NamePattern.Check(filter) is { } problem)
        {
            throw new BadParameterException($"{ApiQueryParameters.MetricPoints.Filter}: {problem}");
        }

        var query = new LatestPointsQuery
        {
            NamePattern = filter,
            Limit = p.Int(ApiQueryParameters.MetricPoints.Limit, DefaultLimit, 1, LatestPointsQuery.MaxLimit),
        };
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var points = await store.ReadLatestPointsAsync(query, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ApiPage<ApiMetricPoint> { Items = [.. points.Select(point => point.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiMetricPoint>>());
    });
}
