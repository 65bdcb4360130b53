using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Chooses which lines of one output stream become log records, within an <see cref="OutputRecordLimit"/>: the head
/// as it arrives, then only the lines that read as errors or compiler warnings, while the latest lines wait in a tail
/// that is recorded when the stream ends. Every record carries the time its line was read, not the time it was written. When lines were left out, one
/// record says which and how many, between the head and the tail. Every line is classified, so
/// <see cref="ErrorLines"/> counts the error lines the record left out too.
/// </summary>
internal sealed class OutputStreamRecord
{
    // The tail keeps at most this many characters too (8 MiB), so a tail of very long lines cannot take the memory.
    private const int MaxTailChars = 4 * 1024 * 1024;

    private readonly IOutputLineRecorder _recorder;
    private readonly bool _fromStandardError;
    private readonly int _limit;
    private readonly OutputTail _tail;
    private readonly Action<long, DateTime, bool> _dropped;
    private readonly Action<long, string, DateTime, LogLevel, bool> _recordTail;
    private long _notableRecorded;
    private long _notableBetween;
    private bool _pastHead;
    private long _firstLeftOut;
    private long _lastLeftOut;
    private DateTime _lastLeftOutUtc;

    public OutputStreamRecord(IOutputLineRecorder recorder, bool fromStandardError, OutputRecordLimit limit)
    {
        _recorder = recorder;
        _fromStandardError = fromStandardError;
        _limit = limit.Lines;
        _tail = new OutputTail(_limit, MaxTailChars);
        _dropped = (number, timestampUtc, recorded) =>
        {
            if (recorded)
            {
                _notableBetween++;
            }
            else
            {
                LeftOut(number, timestampUtc);
            }
        };
        _recordTail = (_, text, timestampUtc, level, recorded) =>
        {
            if (!recorded)
            {
                Record(text, level, timestampUtc);
            }
        };
    }

    /// <summary>Lines seen on the stream.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines that read as errors, recorded or not.</summary>
    public long ErrorLines { get; private set; }

    /// <summary>Lines not recorded, because they fell between the head and the tail.</summary>
    public long LinesNotRecorded { get; private set; }

    /// <summary>Lines recorded (the note on what was left out is not one of them).</summary>
    public long LinesRecorded { get; private set; }

    /// <summary>
    /// Whether the head is recorded (more lines than the limit were seen): read by the copy, on another thread, to
    /// choose which chunks to drop when the recorder falls behind.
    /// </summary>
    public bool PastHead => Volatile.Read(ref _pastHead);

    /// <summary>The stream's name, as the records' <c>log.iostream</c> gives it.</summary>
    public string Stream => _fromStandardError ? "stderr" : "stdout";

    /// <summary>Takes the next line, which arrived at <paramref name="arrivedUtc"/>; the span is not kept.</summary>
    public void Line(ReadOnlySpan<char> line, DateTime arrivedUtc)
    {
        Lines++;
        string? stripped = AnsiEscapes.HasControls(line) ? AnsiEscapes.Strip(new string(line)) : null;
        var text = stripped is null ? line : stripped.AsSpan();
        var notable = OutputLineClassifier.Notable(text);
        if (notable == LogLevel.Error)
        {
            ErrorLines++;
        }

        var level = OutputLineClassifier.Level(notable, _fromStandardError);
        if (Lines <= _limit)
        {
            Record(stripped ?? new string(line), level, arrivedUtc);
            return;
        }

        if (Lines == _limit + 1)
        {
            Volatile.Write(ref _pastHead, true);
        }

        var recorded = false;
        if (notable != LogLevel.None && _notableRecorded < _limit)
        {
            _notableRecorded++;
            recorded = true;
            Record(stripped ?? new string(line), level, arrivedUtc);
        }

        _tail.Add(Lines, text, arrivedUtc, level, recorded, _dropped);
    }

    /// <summary>Ends the stream: says what was left out, then records the tail.</summary>
    public void Complete()
    {
        if (LinesNotRecorded > 0)
        {
            // At the time of the last line it stands for, so it sits between the head and the tail in time order too.
            _recorder.Line(GapText(), LogLevel.Information, _fromStandardError, _lastLeftOutUtc);
        }

        _tail.Drain(_recordTail);
    }

    private void Record(string text, LogLevel level, DateTime timestampUtc)
    {
        LinesRecorded++;
        _recorder.Line(text, level, _fromStandardError, timestampUtc);
    }

    private void LeftOut(long number, DateTime timestampUtc)
    {
        LinesNotRecorded++;
        _lastLeftOutUtc = timestampUtc;
        if (_firstLeftOut == 0)
        {
            _firstLeftOut = number;
        }

        _lastLeftOut = number;
    }

    private string GapText()
    {
        var kept = _notableBetween > 0
            ? string.Create(CultureInfo.InvariantCulture, $", and the {_notableBetween:N0} between them that read as errors or compiler warnings")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"vigil exec: {LinesNotRecorded:N0} lines of {Stream} between line {_firstLeftOut:N0} and line {_lastLeftOut:N0} are not recorded (over --record-lines {_limit}: the first {_limit:N0} lines and the last {_tail.Count:N0} are{kept})");
    }
}
