using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Influx;

/// <summary>
/// When the server has an API key, a write must carry it where InfluxDB clients put credentials: as the token
/// (<c>Authorization: Token KEY</c>, 2.x and 3.x; <c>Bearer KEY</c>), as the password (<c>Authorization: Basic</c> or
/// the <c>p</c> query parameter, 1.x), or as <c>x-api-key</c>. Compared in the same time whatever the candidate.
/// </summary>
internal static class InfluxAuth
{
    public static bool Allows(HttpRequest request, byte[]? apiKey)
    {
        if (apiKey is null)
        {
            return true;
        }

        foreach (var candidate in Candidates(request))
        {
            if (candidate.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), apiKey))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Candidates(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        foreach (var scheme in (string[])["Token ", "Bearer "])
        {
            if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                yield return authorization[scheme.Length..].Trim();
            }
        }

        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && Password(authorization["Basic ".Length..].Trim()) is { } password)
        {
            yield return password;
        }

        yield return request.Query["p"].ToString();
        yield return request.Headers["x-api-key"].ToString();
    }

    private static string? Password(string basic)
    {
        var bytes = new byte[basic.Length];
        if (!Convert.TryFromBase64String(basic, bytes, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? text[(colon + 1)..] : null;
    }
}
