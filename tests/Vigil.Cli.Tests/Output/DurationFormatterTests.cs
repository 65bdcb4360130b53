using Vigil.Cli.Output;

namespace Vigil.Cli.Tests.Output;

public sealed class DurationFormatterTests
{
    [Theory]
    [InlineData(5, "0.5µs")]
    [InlineData(2_500, "250µs")]
    [InlineData(25_000, "2.5ms")]
    [InlineData(1_234_000, "123.4ms")]
    [InlineData(12_500_000, "1.25s")]
    [InlineData(900_000_000, "1m30s")]
    [InlineData(36_000_000_000, "1h")]
    [InlineData(2_592_000_000_000, "3d")]
    public void Format_Ticks_Compact(long ticks, string expected)
    {
        Assert.Equal(expected, DurationFormatter.Format(TimeSpan.FromTicks(ticks)));
    }
}
