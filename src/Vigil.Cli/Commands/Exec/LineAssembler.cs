using System.Text;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Turns a stream's chunks back into lines (UTF-8, <c>\n</c> or <c>\r\n</c>) and hands each to a sink. A line longer
/// than <see cref="MaxLineChars"/> is cut there, so one endless line (a progress bar, minified output) cannot hold
/// the whole output in memory.
/// </summary>
internal sealed class LineAssembler
{
    /// <summary>The longest line recorded whole; the rest of a longer one starts the next record.</summary>
    public const int MaxLineChars = 16 * 1024;

    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly StringBuilder _line = new();
    private readonly Action<string> _sink;
    private char[] _chars = new char[4096];

    public LineAssembler(Action<string> sink) => _sink = sink;

    /// <summary>Lines handed to the sink.</summary>
    public long Lines { get; private set; }

    /// <summary>Adds the next bytes of the stream.</summary>
    public void Add(ReadOnlySpan<byte> bytes)
    {
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
            var part = newline < 0 ? text : text[..newline];
            Append(part);
            if (newline < 0)
            {
                break;
            }

            Emit();
            text = text[(newline + 1)..];
        }
    }

    /// <summary>Ends the stream: a last line without a newline is still a line.</summary>
    public void Complete()
    {
        if (_line.Length > 0)
        {
            Emit();
        }
    }

    private void Append(ReadOnlySpan<char> part)
    {
        while (_line.Length + part.Length > MaxLineChars)
        {
            var room = MaxLineChars - _line.Length;
            _line.Append(part[..room]);
            Emit();
            part = part[room..];
        }

        _line.Append(part);
    }

    private void Emit()
    {
        var length = _line.Length;
        if (length > 0 && _line[length - 1] == '\r')
        {
            length--;
        }

        var line = _line.ToString(0, length);
        _line.Clear();
        Lines++;
        _sink(line);
    }
}
