using System.Text.Json;
using System.Text;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// Builds one block of log records of one service: their fields column by column, and the distinct search terms
/// of all of them. Reused block after block by the writer (and by the schema 9 migration); not thread-safe.
/// </summary>
internal sealed class LogBlockBuilder : IDisposable
{
    /// <summary>At most this many records a block: a query that needs one record decompresses its whole block.</summary>
    public const int MaxRecords = 1024;

    /// <summary>A block is closed once its columns pass this size (one huge record makes a block of its own).</summary>
    public const int MaxBuiltBytes = 256 * 1024;

    private readonly ByteColumn[] _columns = [.. Enumerable.Range(0, LogBlockColumn.Count).Select(_ => new ByteColumn())];
    private readonly HashSet<string> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly HashSet<uint> _traceBuckets = [];
    private readonly HashSet<ulong> _attributeHashes = [];
    private readonly ByteColumn _assembled = new();
    private readonly Utf8JsonWriter _json;
    private readonly LogBlockCompression _compression;
    private long _firstSequence;
    private long _previousSequence;
    private long _previousTime;

    public LogBlockBuilder(LogBlockCompression compression)
    {
        _compression = compression;
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _json = new Utf8JsonWriter(_columns[LogBlockColumn.FirstText + LogBlockColumn.TextFields + LogBlockColumn.Attributes]);
    }

    public int Count { get; private set; }

    public string? ServiceName { get; private set; }

    /// <summary>Whether the block should be closed before another record goes in.</summary>
    public bool IsFull => Count >= MaxRecords || BuiltLength >= MaxBuiltBytes;

    private int BuiltLength
    {
        get
        {
            var length = 0;
            foreach (var column in _columns)
            {
                length += column.Length;
            }

            return length;
        }
    }

    private long MinTime { get; set; }

    private long MaxTime { get; set; }

    private int MaxSeverity { get; set; }

    /// <summary>
    /// Adds a record of <paramref name="serviceName"/> (every record of a block has the block's). Sequences must rise
    /// within a block; ids are already lower-case (or null).
    /// </summary>
    public void Add(LogEntry log, string? serviceName, long sequence, long resourceId, long scopeId, string? traceId, string? spanId)
    {
        var time = UnixTime.ToNanoseconds(log.Timestamp);
        if (Count == 0)
        {
            ServiceName = serviceName;
            _firstSequence = sequence;
            _previousSequence = sequence;
            _previousTime = 0;
            MinTime = time;
            MaxTime = time;
            MaxSeverity = log.SeverityNumber;
        }
        else
        {
            MinTime = Math.Min(MinTime, time);
            MaxTime = Math.Max(MaxTime, time);
            MaxSeverity = Math.Max(MaxSeverity, log.SeverityNumber);
        }

        _columns[LogBlockColumn.Sequence].WriteVarint((ulong)(sequence - _previousSequence));
        _previousSequence = sequence;
        _columns[LogBlockColumn.Time].WriteSigned(unchecked(time - _previousTime));
        _previousTime = time;
        _columns[LogBlockColumn.Observed].WriteVarint(log.ObservedTimestamp is { } observed
            ? unchecked(ZigZag(UnixTime.ToNanoseconds(observed) - time) + 1)
            : 0);
        _columns[LogBlockColumn.Severity].WriteSigned(log.SeverityNumber);
        _columns[LogBlockColumn.TraceFlags].WriteSigned(log.TraceFlags);
        _columns[LogBlockColumn.Resource].WriteVarint((ulong)resourceId);
        _columns[LogBlockColumn.Scope].WriteVarint((ulong)scopeId);
        WriteId(_columns[LogBlockColumn.TraceId], traceId, 16);
        WriteId(_columns[LogBlockColumn.SpanId], spanId, 8);
        WriteText(LogBlockColumn.SeverityText, log.SeverityText);
        WriteText(LogBlockColumn.Body, log.Body);
        WriteText(LogBlockColumn.EventName, log.EventName);
        WriteText(LogBlockColumn.ExceptionType, log.ExceptionType);
        WriteText(LogBlockColumn.ExceptionMessage, log.ExceptionMessage);
        WriteText(LogBlockColumn.ExceptionStackTrace, log.ExceptionStackTrace);
        WriteAttributes(log.Attributes);

        AddTerms(log, traceId);
        Count++;
    }

    /// <summary>The finished block; the builder is empty again afterwards.</summary>
    public EncodedLogBlock Build()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("An empty log block cannot be built.");
        }

        _assembled.Clear();
        _assembled.WriteByte(LogBlockColumn.Format);
        _assembled.WriteVarint((ulong)Count);
        _assembled.WriteVarint((ulong)_firstSequence);
        foreach (var column in _columns)
        {
            _assembled.WriteVarint((ulong)column.Length);
        }

        foreach (var column in _columns)
        {
            _assembled.WriteBytes(column.Written);
        }

        var block = new EncodedLogBlock(_previousSequence, Count, ServiceName, MinTime, MaxTime, MaxSeverity, _compression.Compress(_assembled.Written), Terms());
        Clear();
        return block;
    }

    public void Dispose() => _json.Dispose();

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static void WriteId(ByteColumn column, string? id, int bytes)
    {
        if (id is null)
        {
            column.WriteByte(LogBlockColumn.NoId);
            return;
        }

        Span<byte> raw = stackalloc byte[16];
        if (id.Length == bytes * 2 && IsLowerHex(id) && Convert.FromHexString(id, raw, out _, out var written) == System.Buffers.OperationStatus.Done && written == bytes)
        {
            column.WriteByte(LogBlockColumn.HexId);
            column.WriteBytes(raw[..bytes]);
            return;
        }

        column.WriteByte(LogBlockColumn.TextId);
        column.WriteVarint((ulong)Encoding.UTF8.GetByteCount(id));
        column.WriteUtf8(id);
    }

    /// <summary>Only lower-case hex round-trips through bytes (upper case would read back lower).</summary>
    private static bool IsLowerHex(string id)
    {
        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private void WriteText(int field, string? text)
    {
        var lengths = _columns[LogBlockColumn.FirstText + field];
        if (text is null)
        {
            lengths.WriteVarint(0);
            return;
        }

        var written = _columns[LogBlockColumn.FirstText + LogBlockColumn.TextFields + field].WriteUtf8(text);
        lengths.WriteVarint((ulong)written + 1);
    }

    private void WriteAttributes(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        var lengths = _columns[LogBlockColumn.FirstText + LogBlockColumn.Attributes];
        if (attributes.Count == 0)
        {
            lengths.WriteVarint(0);
            return;
        }

        var bytes = _columns[LogBlockColumn.FirstText + LogBlockColumn.TextFields + LogBlockColumn.Attributes];
        var before = bytes.Length;
        _json.Reset(bytes);
        AttributeValueEncoder.WriteObject(_json, attributes);
        _json.Flush();
        lengths.WriteVarint((ulong)(bytes.Length - before) + 1);
    }

    private void AddTerms(LogEntry log, string? traceId)
    {
        if (log.Body is { } body)
        {
            foreach (var (start, length) in SearchTokens.IndexedWords(body))
            {
                var word = body.AsSpan(start, length);
                if (System.Text.Ascii.IsValid(word))
                {
                    _wordLookup.Add(word); // the index folds ASCII case itself
                }
                else
                {
                    _words.Add(SearchTokens.Fold(word));
                }
            }
        }

        if (traceId is not null)
        {
            _traceBuckets.Add(SearchTokens.TraceBucket(traceId));
        }

        foreach (var (key, text) in SearchTokens.IndexedAttributes(log.Attributes))
        {
            _attributeHashes.Add(SearchTokens.AttributeHash(key, text));
        }
    }

    private string Terms()
    {
        var builder = new StringBuilder((_words.Count * 8) + (_traceBuckets.Count * 8) + (_attributeHashes.Count * 19));
        foreach (var word in _words)
        {
            builder.Append(word).Append(' ');
        }

        foreach (var bucket in _traceBuckets)
        {
            builder.Append(SearchTokens.TraceBucketToken(bucket)).Append(' ');
        }

        foreach (var hash in _attributeHashes)
        {
            builder.Append(SearchTokens.AttributeToken(hash)).Append(' ');
        }

        return builder.ToString();
    }

    private void Clear()
    {
        foreach (var column in _columns)
        {
            column.Clear();
        }

        _words.Clear();
        _traceBuckets.Clear();
        _attributeHashes.Clear();
        Count = 0;
        ServiceName = null;
    }
}
