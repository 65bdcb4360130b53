using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// A notification's idempotency key, made from what the message says and not from when it was made: the channel, the
/// group, the kind, the escalation level and round, and each alert's id, state and the times of its firing, resolution
/// and acknowledgement. A new leader that rebuilds an unrecorded notification from the store makes the same key; a
/// new alert, a resolution, a lapsed acknowledgement or the next reminder makes another. Times count in milliseconds,
/// so a store that keeps less than the clock's ticks still gives the same key. A test notification is keyed by its
/// time too (each one is a new message).
/// </summary>
internal static class NotificationKey
{
    // The key's layout version: a change of what goes in must change this, so no old key is ever reused for other content.
    private const byte Version = 1;

    /// <summary>32 lower-case hex digits (128 bits of SHA-256 over the content above).</summary>
    public static string Of(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([Version]);
        Text(hash, notification.Receiver);
        Text(hash, notification.GroupKey);
        Text(hash, notification.Kind);
        Number(hash, notification.EscalationLevel ?? -1);
        Number(hash, notification.Round);
        if (notification.Kind == NotificationKind.Test)
        {
            Time(hash, notification.At);
        }

        foreach (var alert in notification.Alerts.Select(a => a.Alert).OrderBy(a => a.Id))
        {
            Number(hash, alert.Id);
            Number(hash, (int)alert.State);
            Time(hash, alert.FiredAt ?? alert.ActiveSince);
            Time(hash, alert.State == AlertState.Firing ? null : alert.ResolvedAt);
            Time(hash, alert.Acknowledgement?.At);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    // Each value is written with its length or in a fixed width, so no two different contents write the same bytes.
    private static void Text(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Number(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void Number(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }

    private static void Time(IncrementalHash hash, DateTimeOffset? at) => Number(hash, at?.ToUnixTimeMilliseconds() ?? long.MinValue);
}
