using System.Security.Cryptography;
using System.Text;
using Vigil.Server.Api;
using Vigil.Server.Otlp.Http;

namespace Vigil.Server.Hosting;

/// <summary>
/// When an API key is configured, a request must carry it as <c>Authorization: Bearer KEY</c> or
/// <c>x-api-key: KEY</c>; otherwise 401. The comparison takes the same time whatever the key.
/// Liveness and readiness (<c>/health/*</c>) stay open: probes carry no secrets, and they reveal none.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, VigilListeners listeners, byte[] expectedKey)
{
    private const string ApiKeyHeader = "x-api-key";
    private const string BearerPrefix = "Bearer ";
    private static readonly PathString s_healthPath = new("/health");

    public Task InvokeAsync(HttpContext context)
    {
        // An acknowledgement link's signature is its credential, checked by its endpoint (AlertAcknowledgementLinkEndpoints).
        if (context.Request.Path.StartsWithSegments(s_healthPath, StringComparison.OrdinalIgnoreCase)
            || AlertAcknowledgementLinkEndpoints.IsLinkRequest(context.Request)
            || Matches(context.Request.Headers[ApiKeyHeader].ToString()) || Matches(BearerToken(context.Request.Headers.Authorization.ToString())))
        {
            return next(context);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";

        // Each port refuses in its own protocol's error shape: the query API a problem document (docs/api.md), whose
        // detail readers such as the CLI show; OTLP/HTTP a google.rpc.Status, as the specification requires of every
        // 4xx; gRPC clients map HTTP 401 to UNAUTHENTICATED themselves.
        switch (listeners.Identify(context))
        {
            case VigilServerListener.Query:
                // This refusal comes before routing, so the /api group's version filter never runs: say it here.
                if (context.Request.Path.StartsWithSegments(ApiVersionHeader.ApiPath, StringComparison.OrdinalIgnoreCase))
                {
                    ApiVersionHeader.Set(context.Response);
                }

                return Results.Problem(detail: ApiKeyFilter.Refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(context);
            case VigilServerListener.OtlpHttp:
                return OtlpHttpHandler.WriteRefusalAsync(context, StatusCodes.Status401Unauthorized, ApiKeyFilter.Refusal);
            default:
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return context.Response.WriteAsync(ApiKeyFilter.Refusal, context.RequestAborted);
        }
    }

    private static string BearerToken(string authorization) =>
        authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : string.Empty;

    private bool Matches(string candidate) =>
        candidate.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), expectedKey);
}
