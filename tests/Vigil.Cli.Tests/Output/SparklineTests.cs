using Vigil.Cli.Output;

namespace Vigil.Cli.Tests.Output;

public sealed class SparklineTests
{
    [Fact]
    public void Draw_Ramp_UsesEveryLevel()
    {
        var line = Sparkline.Draw([0, 1, 2, 3, 4, 5, 6, 7]);

        Assert.Equal("▁▂▃▄▅▆▇█", line);
    }

    [Fact]
    public void Draw_OneEventBesideMany_StaysVisible()
    {
        var line = Sparkline.Draw([0, 1, 1000]);

        Assert.Equal("▁▂█", line);
    }

    [Fact]
    public void Draw_AllZero_LowestBars()
    {
        Assert.Equal("▁▁▁", Sparkline.Draw([0, 0, 0]));
    }

    [Fact]
    public void Draw_Empty_EmptyString()
    {
        Assert.Equal(string.Empty, Sparkline.Draw([]));
    }

    [Fact]
    public void Draw_Ascii_SameLevels()
    {
        Assert.Equal("_.,:-=+#", Sparkline.Draw([0, 1, 2, 3, 4, 5, 6, 7], Sparkline.AsciiBars));
    }

    [Fact]
    public void Draw_HugeCounts_NoOverflow()
    {
        Assert.Equal("▁▅█", Sparkline.Draw([0, long.MaxValue / 2, long.MaxValue]));
    }
}
