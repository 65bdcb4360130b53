using Vigil.Api.Contracts.V1;

namespace Vigil.Server.Hosting;

/// <summary>
/// Runs after routing and the API key check: a request on the query port that no endpoint takes gets a 404 problem
/// document, like every other error of the query API (docs/api.md), rather than an empty body. Its title differs from
/// the "Not found" of a missing trace, metric or error group, so a reader pointed at the wrong URL (a path prefix,
/// an OTLP port) can tell "no such endpoint" from "no such thing". The OTLP ports keep Kestrel's bare 404.
/// </summary>
internal sealed class QueryNotFoundMiddleware(RequestDelegate next, VigilListeners listeners)
{
    /// <summary>The title of the problem, which readers use to tell it from a missing item.</summary>
    public const string Title = ApiProblemTitles.NoSuchEndpoint;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not null || listeners.Identify(context) != VigilServerListener.Query)
        {
            return next(context);
        }

        return Results.Problem(
            detail: $"no endpoint answers {context.Request.Method} {context.Request.Path} on the query port (see docs/api.md: /api/logs, /api/traces, /api/metrics, /api/errors, /api/health, /metrics, /health/live)",
            statusCode: StatusCodes.Status404NotFound,
            title: Title).ExecuteAsync(context);
    }
}
