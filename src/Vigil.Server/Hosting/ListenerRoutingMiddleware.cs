namespace Vigil.Server.Hosting;

/// <summary>
/// Runs after routing: an endpoint marked for one listener is not served on another, so OTLP stays
/// on its ports and the query API on its own.
/// </summary>
internal sealed class ListenerRoutingMiddleware(RequestDelegate next, VigilListeners listeners)
{
    public Task InvokeAsync(HttpContext context)
    {
        var wanted = context.GetEndpoint()?.Metadata.GetMetadata<ListenerMetadata>();
        if (wanted is not null && listeners.Identify(context) != wanted.Listener)
        {
            // No endpoint: the request goes on as one that matched nothing (the key check, then a 404).
            context.SetEndpoint(null);
        }

        return next(context);
    }
}
