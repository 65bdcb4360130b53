using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Vigil.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Vigil's liveness and readiness endpoints.</summary>
public static class VigilHealthCheckEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>{pattern}/live</c> (checks tagged <see cref="VigilHealthCheckTags.Live"/>; none by default, so the process
    /// answering is enough) and <c>{pattern}/ready</c> (checks tagged <see cref="VigilHealthCheckTags.Ready"/>, or every
    /// check when none is tagged). Both answer <c>application/health+json</c> (the IETF draft "Health Check Response
    /// Format for HTTP APIs"), 200 for pass and warn, 503 for fail, never cached. The checks are the ones registered with
    /// <c>services.AddHealthChecks()</c>, which must be called.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">The prefix of both endpoints. Default: <c>/health</c>.</param>
    /// <returns>The group of both endpoints, to add conventions such as authorization or host filters.</returns>
    public static RouteGroupBuilder MapVigilHealthChecks(this IEndpointRouteBuilder endpoints, string pattern = "/health")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);

        var registrations = endpoints.ServiceProvider.GetRequiredService<IOptions<HealthCheckServiceOptions>>();

        // Registrations are final once the app is built; whether any is tagged "ready" is decided on first use.
        var anyReady = new Lazy<bool>(() => registrations.Value.Registrations.Any(r => r.Tags.Contains(VigilHealthCheckTags.Ready)));

        var group = endpoints.MapGroup(pattern);
        group.MapHealthChecks("/live", CreateOptions(r => r.Tags.Contains(VigilHealthCheckTags.Live)));
        group.MapHealthChecks("/ready", CreateOptions(r => !anyReady.Value || r.Tags.Contains(VigilHealthCheckTags.Ready)));
        return group;
    }

    private static HealthCheckOptions CreateOptions(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthJsonResponseWriter.WriteAsync,
        AllowCachingResponses = false,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
