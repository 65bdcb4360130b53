using Vigil.Cli.Output;

namespace Vigil.Cli.Tests.Output;

public sealed class RelativeTimeFormatterTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(-5, "just now")]
    [InlineData(42, "42s ago")]
    [InlineData(180, "3m ago")]
    [InlineData(7200, "2h ago")]
    [InlineData(3 * 86400, "3d ago")]
    public void Relative_Age_ReadsNaturally(int secondsAgo, string expected)
    {
        Assert.Equal(expected, RelativeTimeFormatter.Relative(s_now.AddSeconds(-secondsAgo), s_now));
    }
}
