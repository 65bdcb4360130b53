using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Vigil.Cli.Parsing;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Parsing;

public sealed class FutureTimePointParserTests
{
    private readonly FakeTimeProvider _clock = new(CliHarness.Now);

    [Theory]
    [InlineData("2h", "2026-11-23T14:00:00+00:00")]
    [InlineData("90s", "2026-11-23T12:01:30+00:00")]
    [InlineData("1w", "2026-11-30T12:00:00+00:00")]
    [InlineData("2026-11-23T12:00:01Z", "2026-11-23T12:00:01+00:00")]
    [InlineData("2026-12-01", "2026-12-01T00:00:00+00:00")]
    public void TryParse_FutureTime_CountsForwardFromClock(string text, string expected)
    {
        var ok = FutureTimePointParser.TryParse(text, _clock, out var value, out var error);

        Assert.True(ok, error);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("", "a duration is required")]
    [InlineData("-2h", "negative")]
    [InlineData("0s", "zero")]
    [InlineData("tomorrow", "not a duration")]
    [InlineData("2026-11-23T12:00:00Z", "already passed")]
    [InlineData("2020-01-01", "already passed")]
    [InlineData("2026-13-01", "not an ISO 8601 timestamp")]
    [InlineData("500000w", "past the year 9999")]
    [InlineData("99999999999999999999d", "too long")]
    public void TryParse_NotAFutureTime_ExplainsWhy(string text, string expected)
    {
        var ok = FutureTimePointParser.TryParse(text, _clock, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("back from now", error, StringComparison.Ordinal);
    }
}
