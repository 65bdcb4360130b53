using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenTelemetry.Logs;

namespace Vigil.Logging;

/// <summary>
/// Turns a record into one UTF-8 JSON line ending in <c>\n</c>, reusing one buffer and one
/// writer for every record. Not thread-safe: each exporter owns one and uses it under its lock.
/// </summary>
internal sealed class JsonLogLineSerializer : IDisposable
{
    // A record far bigger than usual (a huge attribute) grows the buffer; past this it is let go afterwards.
    private const int RetainedBufferBytes = 256 * 1024;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        // Relaxed escaping keeps non-ASCII text readable in files and terminals. It still escapes
        // quotes, backslashes and every control character; these lines are never pasted into HTML
        // unescaped (the dashboard escapes what it shows). Like every encoder it writes a lone
        // surrogate (half an emoji cut by a substring) as \uFFFD instead of throwing; a test pins that.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonLogLineSerializer()
    {
        _writer = new Utf8JsonWriter(_buffer, s_writerOptions);
    }

    /// <summary>The record as one JSON line, <c>\n</c> included. Valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize(LogRecord record)
    {
        if (_buffer.Capacity > RetainedBufferBytes)
        {
            _buffer = new ArrayBufferWriter<byte>(4096);
        }
        else
        {
            _buffer.ResetWrittenCount();
        }

        _writer.Reset(_buffer);
        try
        {
            LogRecordJsonFormatter.Write(_writer, record);
            _writer.Flush();
        }
        catch
        {
            // A half-written object must not leak into the next record's line.
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            throw;
        }

        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        return _buffer.WrittenSpan;
    }

    public void Dispose() => _writer.Dispose();
}
