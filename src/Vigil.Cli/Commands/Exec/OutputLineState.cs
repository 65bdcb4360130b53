using System.Collections;
using Vigil.Logging;
using Vigil.Storage.Builds;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// The state of one output line's log record: the line is the body (the formatted message) and the stream its one
/// attribute, so the text is stored once, not again as a template property. The record's time is the line's: when vigil
/// read it, which for a queued or tail line is well before the record is written (<see cref="ITimestampedLogState"/>).
/// </summary>
internal readonly struct OutputLineState(string line, string stream, DateTime timestampUtc) : IReadOnlyList<KeyValuePair<string, object?>>, ITimestampedLogState
{
    public string Line => line;

    public DateTime TimestampUtc => timestampUtc;

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
