using Vigil.Server.Prometheus;

namespace Vigil.Server;

/// <summary>Maps the Prometheus scrape endpoint.</summary>
public static class PrometheusEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /metrics</c>: the latest value of every stored metric and every
    /// <c>IIngestStatistics</c> figure, as Prometheus text 0.0.4, or OpenMetrics 1.0 when the
    /// <c>Accept</c> header asks for it. Needs <c>IQueryStore</c> in DI (see StoreRoles). Not behind the API key,
    /// so Prometheus can scrape it.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    public static IEndpointRouteBuilder MapVigilPrometheus(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/metrics", PrometheusEndpoints.ScrapeAsync);
        return endpoints;
    }
}
