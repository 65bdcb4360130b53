using Vigil.Server.Health;

namespace Vigil.Server;

/// <summary>Maps the server's own health endpoints.</summary>
public static class HealthEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /health/live</c> (the process answers) and <c>GET /health/ready</c> (the store
    /// answers a cheap query, and its last commit did not fail within the last 30 s), in <c>application/health+json</c>. Never behind the API key.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <returns><paramref name="endpoints"/>, for chaining.</returns>
    public static IEndpointRouteBuilder MapVigilHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/health/live", HealthEndpoints.LiveAsync);
        endpoints.MapGet("/health/ready", HealthEndpoints.ReadyAsync);
        return endpoints;
    }
}
