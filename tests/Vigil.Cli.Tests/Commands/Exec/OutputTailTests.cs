using Microsoft.Extensions.Logging;
using Vigil.Cli.Commands.Exec;

namespace Vigil.Cli.Tests.Commands.Exec;

/// <summary>The circular tail against the obvious model: a queue of strings cut to the same limits.</summary>
public sealed class OutputTailTests
{
    [Theory]
    [InlineData(10, 1_000_000, 1)]
    [InlineData(1_000, 500, 2)]
    [InlineData(50, 97, 3)]
    [InlineData(3, 40, 4)]
    public void Add_RandomLines_KeepsTheLatestLinesWithinBothLimits(int maxLines, int maxChars, int seed)
    {
        var random = new Random(seed);
        var tail = new OutputTail(maxLines, maxChars);
        var dropped = new List<long>();
        var all = new List<string>();
        for (var n = 1; n <= 5_000; n++)
        {
            // Empty lines, short ones, and now and then one close to the whole buffer.
            var length = random.Next(10) == 0 ? random.Next(Math.Min(maxChars / 2, LineAssembler.MaxLineChars)) : random.Next(0, 30);
            var line = new string((char)('a' + (n % 26)), length) + n;
            line = line.Length <= maxChars / 2 ? line : line[..(maxChars / 2)];
            all.Add(line);
            tail.Add(n, line, DateTime.UnixEpoch.AddSeconds(n), LogLevel.Information, recorded: false, (number, _, _) => dropped.Add(number));
        }

        var kept = new List<(long Number, string Text)>();
        tail.Drain((number, text, time, _, _) =>
        {
            Assert.Equal(DateTime.UnixEpoch.AddSeconds(number), time);
            kept.Add((number, text));
        });

        // What is kept is a suffix of the input, whole and in order, within both limits; what went is the rest, once.
        Assert.NotEmpty(kept);
        Assert.True(kept.Count <= maxLines);
        Assert.True(kept.Sum(k => k.Text.Length + 1) <= maxChars);
        Assert.Equal(Enumerable.Range((int)kept[0].Number, kept.Count).Select(n => (long)n), kept.Select(k => k.Number));
        Assert.Equal(5_000L, kept[^1].Number);
        Assert.All(kept, k => Assert.Equal(all[(int)k.Number - 1], k.Text));
        Assert.Equal(Enumerable.Range(1, (int)kept[0].Number - 1).Select(n => (long)n), dropped);

        // The tail keeps as many lines as fit: one more of the dropped ones would have broken a limit.
        var previous = all[(int)kept[0].Number - 2];
        Assert.True(kept.Count == maxLines || kept.Sum(k => k.Text.Length + 1) + previous.Length + 1 > maxChars / 2);
    }

    [Fact]
    public void Drain_ReportsEachLinesTimeLevelAndWhetherItWasRecorded()
    {
        var tail = new OutputTail(10, 1000);
        var first = new DateTime(2026, 12, 4, 4, 0, 0, DateTimeKind.Utc);
        tail.Add(1, "plain", first, LogLevel.Information, recorded: false, (_, _, _) => { });
        tail.Add(2, "error CS1002", first.AddSeconds(1), LogLevel.Error, recorded: true, (_, _, _) => { });

        var kept = new List<(long, string, DateTime, LogLevel, bool)>();
        tail.Drain((n, text, time, level, recorded) => kept.Add((n, text, time, level, recorded)));

        Assert.Equal([(1L, "plain", first, LogLevel.Information, false), (2L, "error CS1002", first.AddSeconds(1), LogLevel.Error, true)], kept);
        Assert.Equal(0, tail.Count);
    }
}
