using Microsoft.Extensions.Logging;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// The latest lines of a stream, kept until it ends, in one circular buffer of characters: a line is copied in, not
/// made a string, so a command printing a million lines past the head costs no allocation per line. At most
/// <c>maxLines</c> lines and <c>maxChars</c> characters are kept; the oldest go first, and each one that goes is
/// reported to the caller (it is a line left out of the record, unless it was recorded already).
/// </summary>
internal sealed class OutputTail
{
    private readonly int _maxLines;
    private readonly int _capacity;
    private readonly Queue<Entry> _entries = new();
    private char[]? _chars;
    private int _write;

    public OutputTail(int maxLines, int maxChars)
    {
        _maxLines = maxLines;
        _capacity = maxChars;
    }

    /// <summary>Lines kept.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Keeps <paramref name="line"/> (at most <see cref="LineAssembler.MaxLineChars"/> long), dropping the oldest lines
    /// to make room; <paramref name="dropped"/> hears each dropped line's number, time and whether it was recorded.
    /// </summary>
    public void Add(long number, ReadOnlySpan<char> line, DateTime timestampUtc, LogLevel level, bool recorded, Action<long, DateTime, bool> dropped)
    {
        _chars ??= new char[_capacity];

        // Each line takes one character more than its length, so that even an empty line has a place in the buffer
        // and the oldest line's start tells whether the kept lines wrap around its end.
        var slot = line.Length + 1;
        while (_entries.TryPeek(out var oldest))
        {
            if (_entries.Count >= _maxLines)
            {
                Drop(dropped);
            }
            else if (oldest.Start < _write)
            {
                // The kept lines lie in [oldest, write): the room is after them, else the line starts over at 0.
                if (_write + slot <= _capacity)
                {
                    break;
                }

                _write = 0;
            }
            else if (oldest.Start - _write >= slot)
            {
                // The kept lines wrap around: the room is between the write position and the oldest line.
                break;
            }
            else
            {
                Drop(dropped);
            }
        }

        if (_entries.Count == 0 && _write + slot > _capacity)
        {
            _write = 0;
        }

        line.CopyTo(_chars.AsSpan(_write));
        _entries.Enqueue(new Entry(number, _write, line.Length, timestampUtc, level, recorded));
        _write += slot;
    }

    /// <summary>Hands over every kept line, oldest first, and empties the tail.</summary>
    public void Drain(Action<long, string, DateTime, LogLevel, bool> line)
    {
        while (_entries.TryDequeue(out var entry))
        {
            line(entry.Number, new string(_chars.AsSpan(entry.Start, entry.Length)), entry.TimestampUtc, entry.Level, entry.Recorded);
        }

        _write = 0;
    }

    private void Drop(Action<long, DateTime, bool> dropped)
    {
        var entry = _entries.Dequeue();
        dropped(entry.Number, entry.TimestampUtc, entry.Recorded);
    }

    private readonly record struct Entry(long Number, int Start, int Length, DateTime TimestampUtc, LogLevel Level, bool Recorded);
}
