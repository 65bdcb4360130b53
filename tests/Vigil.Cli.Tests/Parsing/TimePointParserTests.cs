using Microsoft.Extensions.Time.Testing;
using Vigil.Cli.Parsing;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Parsing;

public sealed class TimePointParserTests
{
    private readonly FakeTimeProvider _clock = new(CliHarness.Now);

    [Fact]
    public void TryParse_Duration_CountsBackFromClock()
    {
        var ok = TimePointParser.TryParse("15m", _clock, out var value, out _);

        Assert.True(ok);
        Assert.Equal(CliHarness.Now.AddMinutes(-15), value);
    }

    [Theory]
    [InlineData("2026-11-23T10:00:00Z", "2026-11-23T10:00:00+00:00")]
    [InlineData("2026-11-23T10:00:00+02:00", "2026-11-23T08:00:00+00:00")]
    [InlineData("2026-11-23T10:00:00.250Z", "2026-11-23T10:00:00.250+00:00")]
    [InlineData("2026-11-23T10:00", "2026-11-23T10:00:00+00:00")]
    [InlineData("2026-11-23", "2026-11-23T00:00:00+00:00")]
    public void TryParse_Iso8601_ReturnsInstant(string text, string expected)
    {
        var ok = TimePointParser.TryParse(text, _clock, out var value, out var error);

        Assert.True(ok, error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026-13-45T99:00:00Z", "not an ISO 8601 timestamp")]
    [InlineData("yesterday", "not a duration")]
    [InlineData("1000000w", "before the year 1")]
    public void TryParse_Invalid_ExplainsWithHint(string text, string expectedFragment)
    {
        var ok = TimePointParser.TryParse(text, _clock, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
        Assert.Contains(DurationParser.Hint, error, StringComparison.Ordinal);
    }
}
