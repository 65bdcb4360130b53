namespace Vigil.Server.Dashboard;

/// <summary>The headers every dashboard answer carries.</summary>
internal static class DashboardHeaders
{
    /// <summary>
    /// Only this server's own scripts, styles and API: no inline script or style, no eval, no other origin, no
    /// framing. Everything the dashboard shows came from telemetry, so even a value that slipped past the escaping
    /// could not run. <c>form-action 'self'</c> keeps the login form posting here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Set(HttpResponse response, DashboardAsset asset)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";

        // The files are not fingerprinted (there is no build step), so the browser keeps them but asks each time;
        // an unchanged file costs a 304. A new server version is seen on the next load.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        response.ContentType = asset.ContentType;
    }
}
