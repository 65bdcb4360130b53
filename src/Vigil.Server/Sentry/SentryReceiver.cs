using System.Text;
using Vigil.Grouping;

namespace Vigil.Server.Sentry;

/// <summary>What the Sentry endpoints need from the server's composition: the public key they accept and the grouping options.</summary>
internal sealed class SentryReceiver(string publicKey, FingerprintOptions fingerprint)
{
    public string PublicKey { get; } = publicKey;

    public byte[] PublicKeyBytes { get; } = Encoding.UTF8.GetBytes(publicKey);

    /// <summary>The server's grouping options, for <c>{{ default }}</c> in an event's fingerprint.</summary>
    public FingerprintOptions Fingerprint { get; } = fingerprint;
}
