using System.Text;

namespace Vigil.Cli.Commands.Exec;

/// <summary>One assembled line and when the chunk that completed it arrived (UTC); the span is valid only during the call.</summary>
internal delegate void LineSink(ReadOnlySpan<char> line, DateTime arrivedUtc);

/// <summary>
/// Turns a stream's chunks back into lines (UTF-8, <c>\n</c> or <c>\r\n</c>) and hands each to a sink. A line longer
/// than <see cref="MaxLineChars"/> is cut there, so one endless line (a progress bar, minified output) cannot hold
/// the whole output in memory. Lines are handed over as spans of the decoded chunk, so a line the sink does not keep
/// costs no allocation: a command printing a million lines is not a million strings.
/// </summary>
internal sealed class LineAssembler
{
    /// <summary>The longest line recorded whole; the rest of a longer one starts the next record.</summary>
    public const int MaxLineChars = 16 * 1024;

    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly LineSink _sink;
    private readonly Action? _completed;
    private char[] _chars = new char[4096];

    // The start of a line that a chunk ended inside, waiting for the rest of it.
    private readonly char[] _pending = new char[MaxLineChars];
    private int _pendingLength;
    private DateTime _arrivedUtc;

    /// <param name="sink">Takes each line.</param>
    /// <param name="completed">Called once the stream's last line was handed over.</param>
    public LineAssembler(LineSink sink, Action? completed = null)
    {
        _sink = sink;
        _completed = completed;
    }

    /// <summary>Lines handed to the sink.</summary>
    public long Lines { get; private set; }

    /// <summary>Adds the next bytes of the stream, read at <paramref name="arrivedUtc"/>.</summary>
    public void Add(ReadOnlySpan<byte> bytes, DateTime arrivedUtc)
    {
        _arrivedUtc = arrivedUtc;
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        var text = _chars.AsSpan(0, count);
        while (!text.IsEmpty)
        {
            var newline = text.IndexOf('\n');
            if (newline < 0)
            {
                Append(text);
                break;
            }

            var part = text[..newline];
            if (_pendingLength == 0 && part.Length <= MaxLineChars)
            {
                Emit(part);
            }
            else
            {
                Append(part);
                EmitPending();
            }

            text = text[(newline + 1)..];
        }
    }

    /// <summary>Ends the stream: a last line without a newline is still a line.</summary>
    public void Complete()
    {
        if (_pendingLength > 0)
        {
            EmitPending();
        }

        _completed?.Invoke();
    }

    private void Append(ReadOnlySpan<char> part)
    {
        while (_pendingLength + part.Length > MaxLineChars)
        {
            var room = MaxLineChars - _pendingLength;
            part[..room].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength = MaxLineChars;
            EmitPending();
            part = part[room..];
        }

        part.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += part.Length;
    }

    private void EmitPending()
    {
        var line = _pending.AsSpan(0, _pendingLength);
        _pendingLength = 0;
        Emit(line);
    }

    private void Emit(ReadOnlySpan<char> line)
    {
        if (!line.IsEmpty && line[^1] == '\r')
        {
            line = line[..^1];
        }

        Lines++;
        _sink(line, _arrivedUtc);
    }
}
