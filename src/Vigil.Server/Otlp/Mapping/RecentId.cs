using Google.Protobuf;

namespace Vigil.Server.Otlp.Mapping;

/// <summary>
/// The hex text of the id seen last: the spans and log records of one request mostly share their trace, so its
/// 32-character string is made once per run of equal ids, not once per record. One per request; not thread-safe.
/// </summary>
internal sealed class RecentId
{
    private ByteString? _bytes;
    private string _hex = string.Empty;

    public string Hex(ByteString id)
    {
        if (_bytes is null || !_bytes.Span.SequenceEqual(id.Span))
        {
            _bytes = id;
            _hex = Convert.ToHexStringLower(id.Span);
        }

        return _hex;
    }
}
