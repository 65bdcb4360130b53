namespace Vigil.Cli.Output;

/// <summary>
/// Draws where a span sits within its trace as a bar of a fixed width, like a waterfall:
/// <c>   ████      </c>. Every span gets at least one block so short spans stay visible.
/// </summary>
internal static class WaterfallBar
{
    /// <summary>The block drawn for the span's time.</summary>
    public const char Block = '█';

    /// <summary>The block drawn where the console cannot show Unicode (legacy Windows code pages).</summary>
    public const char AsciiBlock = '#';

    /// <summary>Draws a bar <paramref name="width"/> characters wide.</summary>
    public static string Draw(DateTimeOffset traceStart, TimeSpan traceDuration, DateTimeOffset spanStart, TimeSpan spanDuration, int width, char block = Block)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var total = Math.Max(traceDuration.Ticks, 1);
        var offset = Math.Clamp((spanStart - traceStart).Ticks, 0, total);
        var length = Math.Clamp(spanDuration.Ticks, 0, total - offset);

        var first = (int)Math.Min(width - 1, offset * width / total);
        var last = (int)Math.Min(width, Math.Ceiling((double)(offset + length) * width / total));
        last = Math.Max(last, first + 1);

        return string.Create(width, (first, last, block), static (chars, range) =>
        {
            chars.Fill(' ');
            chars[range.first..range.last].Fill(range.block);
        });
    }
}
