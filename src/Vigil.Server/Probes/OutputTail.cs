using System.Text;

namespace Vigil.Server.Probes;

/// <summary>
/// The last lines a command wrote (standard output and error interleaved), bounded in characters so a chatty
/// command cannot grow a health result. Thread-safe: the two streams report on different threads.
/// </summary>
internal sealed class OutputTail
{
    private readonly int _maxCharacters;
    private readonly Queue<string> _lines = new();
    private readonly Lock _lock = new();
    private int _characters;

    public OutputTail(int maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 1);
        _maxCharacters = maxCharacters;
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Length > _maxCharacters)
        {
            line = line[^_maxCharacters..];
        }

        lock (_lock)
        {
            _lines.Enqueue(line);
            _characters += line.Length + 1;
            while (_characters > _maxCharacters + 1 && _lines.Count > 1)
            {
                _characters -= _lines.Dequeue().Length + 1;
            }
        }
    }

    /// <summary>The kept lines joined by newlines, trimmed; empty when the command wrote nothing.</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            var text = new StringBuilder();
            foreach (var line in _lines)
            {
                text.Append(line).Append('\n');
            }

            return text.ToString().Trim();
        }
    }
}
