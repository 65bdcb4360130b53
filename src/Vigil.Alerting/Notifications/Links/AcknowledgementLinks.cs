using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// Signed, expiring acknowledgement links: <c>/api/alerts/{id}/ack-link?expires={unix seconds}&amp;signature={HMAC}</c>, the
/// signature an HMAC-SHA256 over the alert id and the expiry with a key only the server holds, so whoever has the
/// link (the people paged) can acknowledge that one alert until it expires, and nobody can forge one for another.
/// </summary>
public sealed class AcknowledgementLinks
{
    /// <summary>The query parameter that carries the expiry.</summary>
    public const string ExpiresParameter = "expires";

    /// <summary>The query parameter that carries the signature.</summary>
    public const string SignatureParameter = "signature";

    /// <summary>The key file's name, beside the store.</summary>
    public const string KeyFileName = "vigil-alert-links.key";

    private const int KeyBytes = 32;

    private readonly byte[] _key;

    /// <summary>Creates the links with a key.</summary>
    /// <param name="key">The HMAC key: at least 32 bytes.</param>
    /// <param name="validity">How long a link is valid.</param>
    public AcknowledgementLinks(byte[] key, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < KeyBytes)
        {
            throw new ArgumentException($"An acknowledgement link key has at least {KeyBytes} bytes.", nameof(key));
        }

        _key = key;
        Validity = validity;
    }

    /// <summary>How long a link is valid.</summary>
    public TimeSpan Validity { get; }

    /// <summary>The key kept in <paramref name="directory"/>, made there (readable by its owner only) the first time.</summary>
    /// <param name="directory">The store's directory.</param>
    /// <returns>The key.</returns>
    public static byte[] LoadOrCreateKey(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = Path.Combine(directory, KeyFileName);
        if (File.Exists(path) && File.ReadAllBytes(path) is { Length: >= KeyBytes } existing)
        {
            return existing;
        }

        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(key);
        }

        return key;
    }

    /// <summary>The link that acknowledges alert <paramref name="alertId"/>, valid from <paramref name="now"/> for <see cref="Validity"/>.</summary>
    /// <param name="baseAddress">The server's query address.</param>
    /// <param name="alertId">The alert's id.</param>
    /// <param name="now">The moment the link is made.</param>
    /// <returns>The link.</returns>
    public Uri Create(Uri baseAddress, long alertId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var expires = (now + Validity).ToUnixTimeSeconds();
        var path = string.Create(CultureInfo.InvariantCulture, $"api/alerts/{alertId}/ack-link?{ExpiresParameter}={expires}&{SignatureParameter}={Sign(alertId, expires)}");
        return new Uri(WithSlash(baseAddress), path);
    }

    /// <summary>Checks a followed link.</summary>
    /// <param name="alertId">The alert id in the path.</param>
    /// <param name="expires">The <c>expires</c> parameter.</param>
    /// <param name="signature">The <c>signature</c> parameter.</param>
    /// <param name="now">The moment it was followed.</param>
    /// <returns>What was found; only <see cref="AcknowledgementLinkCheck.Valid"/> may acknowledge.</returns>
    public AcknowledgementLinkCheck Check(long alertId, string? expires, string? signature, DateTimeOffset now)
    {
        if (expires is not { Length: > 0 and <= 20 } || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            || signature is not { Length: > 0 and <= 128 })
        {
            return AcknowledgementLinkCheck.Malformed;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(alertId, at));
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return AcknowledgementLinkCheck.Tampered;
        }

        return now.ToUnixTimeSeconds() >= at ? AcknowledgementLinkCheck.Expired : AcknowledgementLinkCheck.Valid;
    }

    private string Sign(long alertId, long expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"vigil-ack:{alertId}:{expires}")));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static Uri WithSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
