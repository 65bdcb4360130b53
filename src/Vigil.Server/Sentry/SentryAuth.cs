using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Sentry;

/// <summary>
/// The DSN's public key, wherever the SDK puts it (develop.sentry.dev/sdk/overview, "Authentication"): the
/// <c>X-Sentry-Auth</c> header (<c>Sentry sentry_key=KEY, sentry_version=7, ...</c>), the same in
/// <c>Authorization</c>, the <c>sentry_key</c> query parameter, or the envelope header's <c>dsn</c>.
/// </summary>
internal static class SentryAuth
{
    private const string Scheme = "Sentry ";

    /// <summary>The key the request's headers or query carry; null when they carry none.</summary>
    public static string? FromRequest(HttpRequest request)
    {
        foreach (var header in (string[])["X-Sentry-Auth", "Authorization"])
        {
            var value = request.Headers[header].ToString();
            if (value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && Field(value[Scheme.Length..], "sentry_key") is { } key)
            {
                return key;
            }
        }

        return request.Query["sentry_key"].ToString() is { Length: > 0 } query ? query : null;
    }

    /// <summary>The public key of a DSN (<c>http://KEY@host/PROJECT</c>); null when it is not a DSN with one.</summary>
    public static string? FromDsn(string? dsn)
    {
        if (dsn is null || !Uri.TryCreate(dsn, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return null;
        }

        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return Uri.UnescapeDataString(colon >= 0 ? uri.UserInfo[..colon] : uri.UserInfo);
    }

    /// <summary>Compares in the same time whatever the candidate.</summary>
    public static bool Matches(string candidate, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), expected);

    private static string? Field(string fields, string name)
    {
        foreach (var part in fields.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..].Trim() is { Length: > 0 } value ? value : null;
            }
        }

        return null;
    }
}
