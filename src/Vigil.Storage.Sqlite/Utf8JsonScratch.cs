using System.Buffers;
using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// One buffer and one <see cref="Utf8JsonWriter"/> reused for every JSON column a writer fills: the text comes out as
/// the UTF-8 bytes SQLite stores, with no string in between and nothing allocated per row once the buffer has grown.
/// What a method returns is valid until the next call. The JSON is byte for byte what <see cref="AttributeJson"/> and
/// <see cref="SpanJson"/> serialise (same writer options, same encoder). Not thread-safe.
/// </summary>
internal sealed class Utf8JsonScratch : IDisposable
{
    private static readonly byte[] s_emptyObject = "{}"u8.ToArray();
    private static readonly byte[] s_emptyArray = "[]"u8.ToArray();

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public Utf8JsonScratch() => _writer = new Utf8JsonWriter(_buffer);

    public ReadOnlySpan<byte> Attributes(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        if (attributes.Count == 0)
        {
            return s_emptyObject;
        }

        Start();
        AttributeJson.WriteObject(_writer, attributes);
        return End();
    }

    public ReadOnlySpan<byte> Events(IReadOnlyList<SpanEventEntry> events)
    {
        if (events.Count == 0)
        {
            return s_emptyArray;
        }

        Start();
        SpanJson.WriteEvents(_writer, events);
        return End();
    }

    public ReadOnlySpan<byte> Links(IReadOnlyList<SpanLinkEntry> links)
    {
        if (links.Count == 0)
        {
            return s_emptyArray;
        }

        Start();
        SpanJson.WriteLinks(_writer, links);
        return End();
    }

    public void Dispose() => _writer.Dispose();

    private void Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }

    private ReadOnlySpan<byte> End()
    {
        _writer.Flush();
        return _buffer.WrittenSpan;
    }
}
