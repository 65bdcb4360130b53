using Google.Protobuf;

namespace Vigil.Server.Otlp.Mapping;

/// <summary>Trace and span ids: OTLP carries raw bytes; the store keeps lowercase hex.</summary>
internal static class OtlpIds
{
    /// <summary>Bytes in a trace id.</summary>
    public const int TraceIdLength = 16;

    /// <summary>Bytes in a span id.</summary>
    public const int SpanIdLength = 8;

    /// <summary>Hex of a required id; false when its length is wrong or it is all zeros (both invalid per the specification).</summary>
    /// <param name="id">The id's bytes.</param>
    /// <param name="length">The length it must have.</param>
    /// <param name="hex">Its lowercase hex; empty when invalid.</param>
    /// <param name="recent">Gives the same string for a run of equal ids (trace ids); null makes a new one.</param>
    public static bool TryRequired(ByteString id, int length, out string hex, RecentId? recent = null)
    {
        hex = string.Empty;
        if (id.Length != length || IsAllZero(id.Span))
        {
            return false;
        }

        hex = recent?.Hex(id) ?? Convert.ToHexStringLower(id.Span);
        return true;
    }

    /// <summary>Hex of an optional id: empty means absent; any other length is invalid.</summary>
    /// <param name="id">The id's bytes.</param>
    /// <param name="length">The length it must have when present.</param>
    /// <param name="hex">Its lowercase hex; null when absent or invalid.</param>
    /// <param name="recent">Gives the same string for a run of equal ids (trace ids); null makes a new one.</param>
    public static bool TryOptional(ByteString id, int length, out string? hex, RecentId? recent = null)
    {
        hex = null;
        if (id.IsEmpty)
        {
            return true;
        }

        if (id.Length != length)
        {
            return false;
        }

        // An all-zero optional id is how some senders write "none".
        hex = IsAllZero(id.Span) ? null : recent?.Hex(id) ?? Convert.ToHexStringLower(id.Span);
        return true;
    }

    private static bool IsAllZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
