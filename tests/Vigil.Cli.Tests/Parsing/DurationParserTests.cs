using Vigil.Cli.Parsing;

namespace Vigil.Cli.Tests.Parsing;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("250ms", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("30s", 30 * TimeSpan.TicksPerSecond)]
    [InlineData("15m", 15 * TimeSpan.TicksPerMinute)]
    [InlineData("2h", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3d", 3 * TimeSpan.TicksPerDay)]
    [InlineData("1w", 7 * TimeSpan.TicksPerDay)]
    [InlineData("1h30m", 90 * TimeSpan.TicksPerMinute)]
    [InlineData(" 5m ", 5 * TimeSpan.TicksPerMinute)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)] // the shared grammar's decimals; the CLI refused them before
    public void TryParse_ValidDuration_ReturnsTicks(string text, long expectedTicks)
    {
        var ok = DurationParser.TryParse(text, out var duration, out var error);

        Assert.True(ok, error);
        Assert.Equal(expectedTicks, duration.Ticks);
    }

    [Theory]
    [InlineData("0", "not a duration")]
    [InlineData("0s", "zero")]
    [InlineData("0m0s", "zero")]
    [InlineData("-5m", "negative")]
    [InlineData("15x", "not a duration")]
    [InlineData("m", "not a duration")]
    [InlineData("15", "not a duration")]
    [InlineData("", "required")]
    [InlineData("99999999999999999999w", "too long")]
    [InlineData("99999999999w", "too long")]
    [InlineData("9999999999999999d9999999999999999d", "too long")]
    public void TryParse_InvalidDuration_ExplainsWhy(string text, string expectedFragment)
    {
        var ok = DurationParser.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }
}
