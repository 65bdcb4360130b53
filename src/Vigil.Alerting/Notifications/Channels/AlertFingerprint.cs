using System.Globalization;
using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// An alert's fingerprint as Alertmanager computes it (FNV-1a 64 over each label name and value, each followed by a
/// 0xFF byte, in name order), as 16 hex digits, so receivers that deduplicate on it see the same value for the same labels.
/// </summary>
internal static class AlertFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static string Of(AlertLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var hash = OffsetBasis;
        foreach (var (name, value) in labels)
        {
            hash = Add(hash, name);
            hash = (hash ^ 0xFF) * Prime;
            hash = Add(hash, value);
            hash = (hash ^ 0xFF) * Prime;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
