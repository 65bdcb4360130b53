using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// The stored hash that finds a resource, scope or metric series by its content: XXH3 (64 bits) of the identity's
/// UTF-8 text, its parts joined by '\n' (<c>r\n{schema url}\n{attributes}</c>, <c>s\n{name}\n{version}\n{attributes}</c>,
/// <c>m\n{name}\n{unit}\n{kind}\n{temporality}\n{monotonic}\n{resource hash}\n{scope hash}\n{attributes}</c>). The text
/// is built as bytes in one reused buffer: no string per identity, and a hash about 20 times cheaper than the SHA-256
/// that schemas up to version 9 stored (issue 12, item 6); migration 10 rehashes those rows with <see cref="Of"/>,
/// which is why the parts are exactly the stored columns. A collision would merge two identities, as with any 64-bit
/// key; nothing here needs to resist a chosen collision.
/// </summary>
internal sealed class IdentityHash
{
    private byte[] _buffer = new byte[512];
    private int _length;

    /// <summary>The hash of a whole identity text (the migration's SQL function).</summary>
    public static long Of(string text) => unchecked((long)XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text)));

    public IdentityHash Start(char kind)
    {
        _length = 0;
        Reserve(1);
        _buffer[_length++] = (byte)kind;
        return this;
    }

    /// <summary>Appends '\n' and a part; null is the empty text, as <c>string.Join</c> and <c>coalesce(x, '')</c> have it.</summary>
    public IdentityHash Add(string? part)
    {
        part ??= string.Empty;
        Reserve(1 + Encoding.UTF8.GetMaxByteCount(part.Length));
        _buffer[_length++] = (byte)'\n';
        _length += Encoding.UTF8.GetBytes(part, _buffer.AsSpan(_length));
        return this;
    }

    /// <summary>Appends '\n' and an integer in invariant decimal, as SQLite turns an integer into text.</summary>
    public IdentityHash Add(long part)
    {
        Reserve(21);
        _buffer[_length++] = (byte)'\n';
        part.TryFormat(_buffer.AsSpan(_length), out var written, provider: CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    /// <summary>Appends '\n' and UTF-8 text.</summary>
    public IdentityHash Add(ReadOnlySpan<byte> utf8)
    {
        Reserve(1 + utf8.Length);
        _buffer[_length++] = (byte)'\n';
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
        return this;
    }

    public long Finish() => unchecked((long)XxHash3.HashToUInt64(_buffer.AsSpan(0, _length)));

    private void Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_length + bytes, _buffer.Length * 2));
        }
    }
}
