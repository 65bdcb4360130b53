using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>
/// <c>GET /api/metric-exemplars</c>: one metric's exemplars over a range, newest points first, bounded. Its own path
/// rather than <c>/api/metrics/exemplars</c>, which a metric named "exemplars" would own.
/// </summary>
internal static class MetricExemplarsEndpoint
{
    /// <summary>The exemplars returned when <c>limit</c> is not given.</summary>
    public const int DefaultLimit = 100;

    public static Task<IResult> GetAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        var p = new QueryParameters(context.Request.Query, now, ApiQueryParameters.MetricExemplars.All);
        var name = p.Text(ApiQueryParameters.MetricExemplars.Name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BadParameterException($"{ApiQueryParameters.MetricExemplars.Name}: required, the metric's name");
        }

        var (from, to) = MetricsEndpoints.Range(p, now);
        var query = new ExemplarQuery
        {
            Name = name,
            From = from,
            To = to,
            ServiceName = p.Text(ApiQueryParameters.MetricExemplars.Service),
            Limit = p.Int(ApiQueryParameters.MetricExemplars.Limit, DefaultLimit, 1, ExemplarQuery.MaxLimit),
        };

        // A store without exemplars (none today; a future engine may lack them) answers an empty list, not an error:
        // a chart without exemplars is still a chart.
        var result = context.RequestServices.GetService<IExemplarReader>() is { } reader
            ? await reader.QueryExemplarsAsync(query, context.RequestAborted).ConfigureAwait(false)
            : new ExemplarQueryResult();
        return ApiResults.Json(result.ToApi(name), ApiJson.TypeInfo<ApiExemplars>());
    });
}
