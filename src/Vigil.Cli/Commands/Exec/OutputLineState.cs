using System.Collections;
using Vigil.Storage.Builds;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// The state of one output line's log record: the line is the body (the formatted message) and the stream its one
/// attribute, so the text is stored once, not again as a template property.
/// </summary>
internal readonly struct OutputLineState(string line, string stream) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Line => line;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(ExecSemantics.Stream, stream) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static string Format(OutputLineState state, Exception? exception) => state.Line;
}
