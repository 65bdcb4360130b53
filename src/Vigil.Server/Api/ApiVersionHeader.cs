using Vigil.Api.Contracts;

namespace Vigil.Server.Api;

/// <summary>
/// Where the query API lives and the header every answer there carries, refusals included: written once for the
/// /api group's filter and for the API-key middleware, which refuses before routing and so before that filter.
/// </summary>
internal static class ApiVersionHeader
{
    /// <summary>The query API's path prefix.</summary>
    public static readonly PathString ApiPath = new("/api");

    /// <summary>Names the contract version on <paramref name="response"/>.</summary>
    public static void Set(HttpResponse response) => response.Headers[ApiVersion.HeaderName] = ApiVersion.Current;
}
