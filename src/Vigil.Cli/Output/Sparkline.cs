namespace Vigil.Cli.Output;

/// <summary>
/// Draws counts as a one-line bar chart, one character per value: <c>▁▁▂▅█▃</c>. An empty
/// bucket is the lowest bar and any non-empty one is at least the second, so a single event
/// stays visible beside a busy hour.
/// </summary>
internal static class Sparkline
{
    /// <summary>The bars, lowest first.</summary>
    public const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>The bars where the console cannot show Unicode.</summary>
    public const string AsciiBars = "_.,:-=+#";

    /// <summary>Draws <paramref name="counts"/> with <paramref name="bars"/> (eight levels, lowest first).</summary>
    public static string Draw(IReadOnlyList<long> counts, string bars = Bars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bars.Length, 2);
        var max = counts.Count == 0 ? 0 : counts.Max();
        var top = bars.Length - 1;
        return string.Create(counts.Count, (counts, max, bars, top), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var count = state.counts[i];
                var level = count <= 0 || state.max <= 0
                    ? 0
                    : (int)Math.Max(1, Math.Ceiling((double)count * state.top / state.max));
                chars[i] = state.bars[level];
            }
        });
    }
}
