using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Api;

/// <summary>
/// The dashboard's credential when the server has an API key: a cookie set by the login form, HttpOnly (no script,
/// so no injected script, can read it) and SameSite=Strict (no other site's page can make the browser send it, which
/// is what keeps the API's writes safe from cross-site requests). A browser cannot put a header on a page load or on
/// an <c>EventSource</c>, so the key cannot travel as the API's header there. The cookie holds an HMAC of a fixed label
/// under the key, not the key: what sits in the browser's cookie jar opens this server's query port and cannot be
/// replayed as the key against ingest or elsewhere. It changes when the key does, which signs every browser out.
/// </summary>
internal static class DashboardSession
{
    /// <summary>The cookie's name.</summary>
    public const string CookieName = "vigil_session";

    private static readonly byte[] s_label = Encoding.UTF8.GetBytes("vigil dashboard session v1");

    /// <summary>The cookie value for a key.</summary>
    public static string Token(string apiKey) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), s_label)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether a request carries the session cookie whose value is <paramref name="token"/> (<see cref="Token"/>). Constant-time.</summary>
    public static bool IsValid(HttpRequest request, string token) =>
        request.Cookies.TryGetValue(CookieName, out var presented)
        && !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token));

    /// <summary>The cookie's options: HttpOnly, SameSite=Strict, the whole query port, Secure when served over TLS.</summary>
    public static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
