using System.Text.Json;
using System.Text;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// A stored block, decompressed: the numbers of every record parsed up front (cheap), text fields decoded only
/// when a filter or the result asks for them.
/// </summary>
internal sealed class LogBlock
{
    private readonly byte[] _data;
    private readonly (int Start, int Length)[][] _texts = new (int, int)[LogBlockColumn.TextFields][];
    private readonly (byte Tag, int Start, int Length)[] _traceIds;
    private readonly (byte Tag, int Start, int Length)[] _spanIds;

    private LogBlock(byte[] data)
    {
        _data = data;
        var span = data.AsSpan();
        if (span[0] != LogBlockColumn.Format)
        {
            throw new InvalidDataException($"A log block has layout {span[0]}; this Vigil reads layout {LogBlockColumn.Format}.");
        }

        var position = 1;
        Count = checked((int)VarintReader.Read(span, ref position));
        var sequence = (long)VarintReader.Read(span, ref position);
        var starts = new int[LogBlockColumn.Count];
        var offset = 0;
        var lengths = new int[LogBlockColumn.Count];
        for (var i = 0; i < LogBlockColumn.Count; i++)
        {
            lengths[i] = checked((int)VarintReader.Read(span, ref position));
        }

        for (var i = 0; i < LogBlockColumn.Count; i++)
        {
            starts[i] = position + offset;
            offset += lengths[i];
        }

        Sequences = new long[Count];
        Times = new long[Count];
        Observed = new long?[Count];
        Severities = new int[Count];
        TraceFlags = new int[Count];
        ResourceIds = new long[Count];
        ScopeIds = new long[Count];
        _traceIds = new (byte, int, int)[Count];
        _spanIds = new (byte, int, int)[Count];
        var cursors = (int[])starts.Clone();
        var time = 0L;
        for (var r = 0; r < Count; r++)
        {
            sequence += (long)VarintReader.Read(span, ref cursors[LogBlockColumn.Sequence]);
            Sequences[r] = sequence;
            time = unchecked(time + VarintReader.ReadSigned(span, ref cursors[LogBlockColumn.Time]));
            Times[r] = time;
            var observed = VarintReader.Read(span, ref cursors[LogBlockColumn.Observed]);
            Observed[r] = observed == 0 ? null : unchecked(time + ((long)((observed - 1) >> 1) ^ -(long)((observed - 1) & 1)));
            Severities[r] = (int)VarintReader.ReadSigned(span, ref cursors[LogBlockColumn.Severity]);
            TraceFlags[r] = (int)VarintReader.ReadSigned(span, ref cursors[LogBlockColumn.TraceFlags]);
            ResourceIds[r] = (long)VarintReader.Read(span, ref cursors[LogBlockColumn.Resource]);
            ScopeIds[r] = (long)VarintReader.Read(span, ref cursors[LogBlockColumn.Scope]);
            _traceIds[r] = ReadId(span, ref cursors[LogBlockColumn.TraceId], 16);
            _spanIds[r] = ReadId(span, ref cursors[LogBlockColumn.SpanId], 8);
        }

        for (var field = 0; field < LogBlockColumn.TextFields; field++)
        {
            var texts = new (int, int)[Count];
            var lengthCursor = starts[LogBlockColumn.FirstText + field];
            var byteCursor = starts[LogBlockColumn.FirstText + LogBlockColumn.TextFields + field];
            for (var r = 0; r < Count; r++)
            {
                var length = (int)VarintReader.Read(span, ref lengthCursor) - 1;
                texts[r] = (byteCursor, length);
                byteCursor += Math.Max(length, 0);
            }

            _texts[field] = texts;
        }
    }

    public int Count { get; }

    public long[] Sequences { get; }

    /// <summary>Unix nanoseconds.</summary>
    public long[] Times { get; }

    public long?[] Observed { get; }

    public int[] Severities { get; }

    public int[] TraceFlags { get; }

    public long[] ResourceIds { get; }

    public long[] ScopeIds { get; }

    public static LogBlock Decode(byte[] blob) => new(LogBlockCompression.Decompress(blob));

    public string? Text(int field, int record)
    {
        var (start, length) = _texts[field][record];
        return length < 0 ? null : Encoding.UTF8.GetString(_data, start, length);
    }

    public string? Body(int record) => Text(LogBlockColumn.Body, record);

    public string? TraceId(int record) => Id(_traceIds[record]);

    /// <summary>Whether the record's trace id is this one (lower case), without decoding the others.</summary>
    public bool HasTraceId(int record, string traceId) => _traceIds[record].Tag != LogBlockColumn.NoId && Id(_traceIds[record]) == traceId;

    /// <summary>
    /// Whether the record's attribute JSON holds these UTF-8 bytes: a cheap test that rules records out before their
    /// attributes are parsed (only for text JSON writes unescaped; see <see cref="LogRecordFilter"/>).
    /// </summary>
    public bool AttributesContain(int record, ReadOnlySpan<byte> utf8)
    {
        var (start, length) = _texts[LogBlockColumn.Attributes][record];
        return length > 0 && _data.AsSpan(start, length).IndexOf(utf8) >= 0;
    }

    public IReadOnlyList<KeyValuePair<string, object?>> Attributes(int record)
    {
        var (start, length) = _texts[LogBlockColumn.Attributes][record];
        if (length <= 0)
        {
            return [];
        }

        using var document = JsonDocument.Parse(_data.AsMemory(start, length));
        return AttributeJson.ReadObject(document.RootElement);
    }

    public LogEntry ToEntry(int record, TelemetryResource resource, InstrumentationScopeInfo scope) => new()
    {
        Sequence = Sequences[record],
        Timestamp = UnixTime.FromNanoseconds(Times[record]),
        ObservedTimestamp = Observed[record] is { } observed ? UnixTime.FromNanoseconds(observed) : null,
        SeverityNumber = Severities[record],
        SeverityText = Text(LogBlockColumn.SeverityText, record),
        Body = Body(record),
        Attributes = Attributes(record),
        TraceId = TraceId(record),
        SpanId = Id(_spanIds[record]),
        TraceFlags = TraceFlags[record],
        EventName = Text(LogBlockColumn.EventName, record),
        ExceptionType = Text(LogBlockColumn.ExceptionType, record),
        ExceptionMessage = Text(LogBlockColumn.ExceptionMessage, record),
        ExceptionStackTrace = Text(LogBlockColumn.ExceptionStackTrace, record),
        Resource = resource,
        Scope = scope,
    };

    private static (byte Tag, int Start, int Length) ReadId(ReadOnlySpan<byte> span, ref int cursor, int bytes)
    {
        var tag = span[cursor++];
        switch (tag)
        {
            case LogBlockColumn.NoId:
                return (tag, 0, 0);
            case LogBlockColumn.HexId:
                cursor += bytes;
                return (tag, cursor - bytes, bytes);
            default:
                var length = (int)VarintReader.Read(span, ref cursor);
                cursor += length;
                return (tag, cursor - length, length);
        }
    }

    private string? Id((byte Tag, int Start, int Length) id) => id.Tag switch
    {
        LogBlockColumn.NoId => null,
        LogBlockColumn.HexId => Convert.ToHexStringLower(_data, id.Start, id.Length),
        _ => Encoding.UTF8.GetString(_data, id.Start, id.Length),
    };
}
