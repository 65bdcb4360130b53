using Vigil.Server.Dialects;

namespace Vigil.Server.Sentry;

/// <summary>
/// Maps the paths a Sentry DSN names (<c>http://KEY@HOST:PORT/PROJECT</c>): <c>POST /api/PROJECT/envelope/</c> and
/// the older <c>/api/PROJECT/store/</c>, with or without the trailing slash. They live on the OTLP/HTTP port, the
/// ingest port, so one address takes both OTLP and Sentry.
/// </summary>
internal static class SentryEndpoints
{
    public static IEndpointRouteBuilder MapSentry(this IEndpointRouteBuilder endpoints)
    {
        // Routing ignores a trailing slash, so one template takes both spellings the SDKs use.
        endpoints.MapPost("/api/{projectId:long:min(0)}/envelope/", (HttpContext context, long projectId) => SentryHandler.EnvelopeAsync(context, projectId))
            .WithMetadata(DialectEndpointMetadata.Instance);
        endpoints.MapPost("/api/{projectId:long:min(0)}/store/", (HttpContext context, long projectId) => SentryHandler.StoreAsync(context, projectId))
            .WithMetadata(DialectEndpointMetadata.Instance);
        return endpoints;
    }
}
