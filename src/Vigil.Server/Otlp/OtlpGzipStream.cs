using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp;

/// <summary>
/// Inflates a gzip body for both OTLP receivers, within the request limit and strictly:
/// <list type="bullet">
/// <item>it never asks the inflater for more than the limit plus one byte, and fails once that byte comes, so a
/// gzip bomb costs at most the limit in memory however far it would inflate;</item>
/// <item>at the end it reads the rest of the compressed body and checks that its last 8 bytes are the trailer of the
/// data inflated (CRC-32 and length, RFC 1952 section 2.3.1). <see cref="GZipStream"/> ignores what follows the
/// end of the gzip data and does not check the trailer, so trailing garbage, a second gzip member or a body cut short
/// would otherwise pass unnoticed.</item>
/// </list>
/// Failures come from <c>fail</c>, so each receiver answers in its own protocol.
/// </summary>
internal sealed class OtlpGzipStream : Stream
{
    private const int TrailerBytes = 8;

    private readonly TailCapturingStream _compressed;
    private readonly GZipStream _gzip;
    private readonly long _maxBytes;
    private readonly Func<OtlpRefusalReason, string, Exception> _fail;
    private readonly Crc32 _crc = new();
    private bool _ended;

    public OtlpGzipStream(Stream compressed, long maxBytes, Func<OtlpRefusalReason, string, Exception> fail)
    {
        _compressed = new TailCapturingStream(compressed, TrailerBytes);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
        _maxBytes = maxBytes;
        _fail = fail;
    }

    /// <summary>The bytes handed out so far; never more than the limit.</summary>
    public long BytesInflated { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public static string TooLargeMessage(long maxBytes) => $"The request is larger than the limit of {maxBytes} bytes (counted as received and after decompression).";

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        var slice = buffer[..Allowed(buffer.Length)];
        int read;
        try
        {
            read = _gzip.Read(slice);
            if (read == 0)
            {
                _compressed.CopyTo(Stream.Null);
            }
        }
        catch (InvalidDataException)
        {
            throw NotGzip();
        }

        return Account(slice[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        var slice = buffer[..Allowed(buffer.Length)];
        int read;
        try
        {
            read = await _gzip.ReadAsync(slice, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                await _compressed.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidDataException)
        {
            throw NotGzip();
        }

        return Account(slice.Span[..read]);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    // Never more than one byte past the limit: that byte proves the body is too large.
    private int Allowed(int length) => (int)Math.Min(length, _maxBytes + 1 - BytesInflated);

    private int Account(ReadOnlySpan<byte> inflated)
    {
        if (inflated.IsEmpty)
        {
            _ended = true;
            CheckTrailer();
            return 0;
        }

        BytesInflated += inflated.Length;
        if (BytesInflated > _maxBytes)
        {
            BytesInflated = _maxBytes;
            throw _fail(OtlpRefusalReason.TooLarge, TooLargeMessage(_maxBytes));
        }

        _crc.Append(inflated);
        return inflated.Length;
    }

    private void CheckTrailer()
    {
        var tail = _compressed.Tail;
        if (tail.Length < TrailerBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(tail) != _crc.GetCurrentHashAsUInt32()
            || BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) != (uint)BytesInflated)
        {
            throw _fail(OtlpRefusalReason.Malformed, "The body is not one complete gzip stream: data follows its end, or it is cut short.");
        }
    }

    private Exception NotGzip() => _fail(OtlpRefusalReason.Malformed, "The body is not valid gzip data.");
}
