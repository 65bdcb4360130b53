using Microsoft.Extensions.Logging;
using Vigil.Cli.Commands.Exec;

namespace Vigil.Cli.Tests.Commands.Exec;

/// <summary>What of a stream becomes records under --record-lines, read back from a list the records go to.</summary>
public sealed class OutputStreamRecordTests
{
    [Fact]
    public void Lines_WithinTheLimit_AreAllRecordedAtTheirLevel()
    {
        var recorder = new ListRecorder();
        var record = new OutputStreamRecord(recorder, fromStandardError: true, new OutputRecordLimit(10));

        Feed(record, "npm notice", "\u001b[31merror TS2304: Cannot find name\u001b[0m", "Program.cs(9,13): warning CS0168: unused");
        record.Complete();

        Assert.Equal(
            [("npm notice", LogLevel.Warning), ("error TS2304: Cannot find name", LogLevel.Error), ("Program.cs(9,13): warning CS0168: unused", LogLevel.Warning)],
            recorder.Lines.Select(l => (l.Text, l.Level)));
        Assert.All(recorder.Lines, l => Assert.True(l.FromStandardError));
        Assert.Equal(0, record.LinesNotRecorded);
        Assert.Equal(1, record.ErrorLines);
        Assert.Equal(3, record.LinesRecorded);
    }

    [Fact]
    public void Lines_OverTheLimit_KeepHeadNotableAndTailAndSayWhatWentBetween()
    {
        var recorder = new ListRecorder();
        var record = new OutputStreamRecord(recorder, fromStandardError: false, new OutputRecordLimit(3));

        // 1-3 head, 4-9 between (5 and 7 notable), 10-12 tail (11 notable, recorded as it came).
        Feed(record, "1", "2", "3", "4", "error CS1002: 5", "6", "warning CS0168: 7", "8", "9", "10", "FAILED 11", "12");
        record.Complete();

        Assert.Equal(
            ["1", "2", "3", "error CS1002: 5", "warning CS0168: 7", "FAILED 11",
             "vigil exec: 4 lines of stdout between line 4 and line 9 are not recorded (over --record-lines 3: the first 3 lines and the last 3 are, and the 2 between them that read as errors or compiler warnings)",
             "10", "12"],
            recorder.Lines.Select(l => l.Text));
        Assert.Equal(4, record.LinesNotRecorded);
        Assert.Equal(2, record.ErrorLines);

        // Each record at its line's arrival, the tail's too (recorded at the end); the note at the last line it stands for.
        Assert.Equal([1, 2, 3, 5, 7, 11, 9, 10, 12], recorder.Lines.Select(l => (int)(l.Time - DateTime.UnixEpoch).TotalSeconds));
        Assert.Equal(8, record.LinesRecorded);
        Assert.Equal(12, record.Lines);
    }

    [Fact]
    public void NotableLines_OverTheLimit_AreCountedButNotRecorded()
    {
        var recorder = new ListRecorder();
        var record = new OutputStreamRecord(recorder, fromStandardError: false, new OutputRecordLimit(2));

        Feed(record, [.. Enumerable.Range(1, 20).Select(i => $"Failed Test{i} [1 ms]")]);
        record.Complete();

        // Two in the head, two more as notable, two in the tail: 14 of the 20 error lines are left out, all counted.
        Assert.Equal(20, record.ErrorLines);
        Assert.Equal(6, record.LinesRecorded);
        Assert.Equal(14, record.LinesNotRecorded);
        Assert.Equal(7, recorder.Lines.Count);
    }

    [Fact]
    public void All_RecordsEveryLine()
    {
        var recorder = new ListRecorder();
        var record = new OutputStreamRecord(recorder, fromStandardError: false, OutputRecordLimit.All);

        Feed(record, [.. Enumerable.Range(1, 50_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        record.Complete();

        Assert.Equal(50_000, recorder.Lines.Count);
        Assert.Equal(0, record.LinesNotRecorded);
    }

    [Theory]
    [InlineData("all", int.MaxValue)]
    [InlineData(" ALL ", int.MaxValue)]
    [InlineData("1", 1)]
    [InlineData("50000", 50_000)]
    public void TryParse_GoodValues(string text, int lines)
    {
        Assert.True(OutputRecordLimit.TryParse(text, out var limit));
        Assert.Equal(lines, limit.Lines);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("2147483647")]
    [InlineData("99999999999999999999")]
    public void TryParse_BadValues(string text) => Assert.False(OutputRecordLimit.TryParse(text, out _));

    // Line n arrives n seconds after the epoch, so each record's time names the line it came from.
    private static void Feed(OutputStreamRecord record, params string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            record.Line(lines[i], Arrived(i + 1));
        }
    }

    private static DateTime Arrived(int line) => DateTime.UnixEpoch.AddSeconds(line);

    private sealed class ListRecorder : IOutputLineRecorder
    {
        public List<(string Text, LogLevel Level, bool FromStandardError, DateTime Time)> Lines { get; } = [];

        public void Line(string text, LogLevel level, bool fromStandardError, DateTime timestampUtc) => Lines.Add((text, level, fromStandardError, timestampUtc));
    }
}
