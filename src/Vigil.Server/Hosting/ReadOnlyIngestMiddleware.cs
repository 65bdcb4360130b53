using Vigil.Server.Otlp.Http;

namespace Vigil.Server.Hosting;

/// <summary>
/// <c>vigil serve --read-only</c>: every request to the OTLP ports (OTLP, Sentry, InfluxDB) is refused with 403 before
/// it is read, in the port's error shape: OTLP/HTTP a google.rpc.Status, gRPC an HTTP 403 that clients read as
/// PERMISSION_DENIED. 403, not 503: the sender should send elsewhere, not retry here. <c>/health</c> stays open.
/// </summary>
internal sealed class ReadOnlyIngestMiddleware(RequestDelegate next, VigilListeners listeners)
{
    public const string Refusal = "this vigil serve is read-only (--read-only): it answers queries only; send telemetry to an instance started without --read-only";

    private static readonly PathString s_healthPath = new("/health");

    public Task InvokeAsync(HttpContext context)
    {
        var listener = listeners.Identify(context);
        if (listener == VigilServerListener.Query || context.Request.Path.StartsWithSegments(s_healthPath, StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        if (listener == VigilServerListener.OtlpHttp)
        {
            return OtlpHttpHandler.WriteStatusAsync(context, StatusCodes.Status403Forbidden, Refusal);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync(Refusal, context.RequestAborted);
    }
}
