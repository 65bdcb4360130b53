using System.Security.Cryptography;
using System.Text;

namespace Vigil.Server.Sentry;

/// <summary>
/// The public key a DSN for this server carries. A Sentry public key is not a secret (browser SDKs ship it in the
/// page); it tells the SDK's events from stray requests. Unless configured it is derived, so a server restarted on the
/// same store keeps the DSN its applications were given: from the API key when there is one (an HMAC, so the Sentry
/// key does not reveal it and cannot be guessed from the store's path), else from the store's path.
/// </summary>
internal static class SentryPublicKey
{
    /// <summary>The longest key accepted in configuration.</summary>
    public const int MaxLength = 64;

    private const string Label = "vigil sentry public key\n";

    public static string Derive(string storeLocation, string? apiKey) =>
        Convert.ToHexStringLower(string.IsNullOrEmpty(apiKey)
            ? SHA256.HashData(Encoding.UTF8.GetBytes(Label + Path.GetFullPath(storeLocation)))
            : HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), Encoding.UTF8.GetBytes(Label)))[..32];

    /// <summary>Keys are letters and digits, as Sentry's are, so a DSN built from one needs no escaping.</summary>
    public static bool IsValid(string key) => key.Length is > 0 and <= MaxLength && key.All(char.IsAsciiLetterOrDigit);
}
