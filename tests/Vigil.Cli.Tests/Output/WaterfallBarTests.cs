using Vigil.Cli.Output;

namespace Vigil.Cli.Tests.Output;

public sealed class WaterfallBarTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Draw_WholeTrace_FillsWidth()
    {
        var bar = WaterfallBar.Draw(s_start, TimeSpan.FromSeconds(1), s_start, TimeSpan.FromSeconds(1), 10);

        Assert.Equal(new string(WaterfallBar.Block, 10), bar);
    }

    [Fact]
    public void Draw_SecondHalf_StartsHalfway()
    {
        var bar = WaterfallBar.Draw(s_start, TimeSpan.FromSeconds(1), s_start.AddMilliseconds(500), TimeSpan.FromMilliseconds(500), 10);

        Assert.Equal("     █████", bar);
    }

    [Fact]
    public void Draw_TinySpan_StillOneBlock()
    {
        var bar = WaterfallBar.Draw(s_start, TimeSpan.FromSeconds(10), s_start.AddSeconds(10), TimeSpan.Zero, 10);

        Assert.Equal("         █", bar);
    }

    [Fact]
    public void Draw_ZeroLengthTrace_DoesNotDivideByZero()
    {
        var bar = WaterfallBar.Draw(s_start, TimeSpan.Zero, s_start, TimeSpan.Zero, 4);

        Assert.Equal("█   ", bar);
    }
}
