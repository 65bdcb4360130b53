using Vigil.Model.Text;

namespace Vigil.Storage.Tests.Text;

public sealed class DurationGrammarTests
{
    public static TheoryData<string, TimeSpan> Durations { get; } = new()
    {
        { "250ms", TimeSpan.FromMilliseconds(250) },
        { "90s", TimeSpan.FromSeconds(90) },
        { "15m", TimeSpan.FromMinutes(15) },
        { "2h", TimeSpan.FromHours(2) },
        { "3d", TimeSpan.FromDays(3) },
        { "1w", TimeSpan.FromDays(7) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "1d2h3m4s5ms", new TimeSpan(1, 2, 3, 4, 5) },
        { "1.5h", TimeSpan.FromMinutes(90) },
        { "0.5s", TimeSpan.FromMilliseconds(500) },
        { "1.25m30s", TimeSpan.FromSeconds(105) },
        { "0.0001ms", TimeSpan.FromTicks(1) },
        { "0s", TimeSpan.Zero },
        { "007s", TimeSpan.FromSeconds(7) },
        { "  30s\t", TimeSpan.FromSeconds(30) },
        { "10675199d", TimeSpan.FromDays(10_675_199) },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Parse_Duration_IsItsLength(string text, TimeSpan expected)
    {
        // Act
        var result = DurationGrammar.Parse(text, out var duration);

        // Assert
        Assert.Equal(DurationParseResult.Parsed, result);
        Assert.Equal(expected, duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("ms")]
    [InlineData("-5s")]
    [InlineData("+5s")]
    [InlineData("5 s")]
    [InlineData("1h 30m")]
    [InlineData("5S")]
    [InlineData("5M")]
    [InlineData("5sec")]
    [InlineData("5y")]
    [InlineData("15x")]
    [InlineData(".5h")]
    [InlineData("5.h")]
    [InlineData("1.2.3s")]
    [InlineData("1,5h")]
    [InlineData("1e3s")]
    [InlineData("PT5M")]
    [InlineData("00:05:00")]
    [InlineData("NaNs")]
    [InlineData("Infinityh")]
    [InlineData("٥s")] // Arabic-Indic five
    [InlineData("５s")] // full-width five
    [InlineData("5s\0")]
    [InlineData("1h30")]
    [InlineData("0.00001ms")] // a tenth of a tick
    [InlineData("1.00000001s")]
    public void Parse_NotADuration_IsMalformed(string text)
    {
        // Act
        var result = DurationGrammar.Parse(text, out var duration);

        // Assert
        Assert.Equal(DurationParseResult.Malformed, result);
        Assert.Equal(TimeSpan.Zero, duration);
        Assert.False(DurationGrammar.TryParse(text, out _));
    }

    [Theory]
    [InlineData("99999999999w")]
    [InlineData("10675200d")]
    [InlineData("9223372036854775807ms")]
    [InlineData("99999999999999999999999999999999999s")]
    [InlineData("10675199d10675199d")]
    [InlineData("5000000000000000000000000000000.5h")]
    public void Parse_PastTheLargestTimeSpan_IsTooLong(string text)
    {
        // Act
        var result = DurationGrammar.Parse(text, out var duration);

        // Assert
        Assert.Equal(DurationParseResult.TooLong, result);
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Fact]
    public void Parse_TooLongThenMalformed_IsMalformed()
    {
        // Act
        var result = DurationGrammar.Parse("99999999999w5x", out _);

        // Assert
        Assert.Equal(DurationParseResult.Malformed, result);
    }

    [Fact]
    public void Parse_TenThousandDigits_IsTooLong()
    {
        // Act
        var result = DurationGrammar.Parse(new string('9', 10_000) + "s", out _);

        // Assert
        Assert.Equal(DurationParseResult.TooLong, result);
    }

    [Fact]
    public void Parse_TenThousandTerms_IsTheirSum()
    {
        // Act
        var result = DurationGrammar.Parse(string.Concat(Enumerable.Repeat("1s", 5_000)), out var duration);

        // Assert
        Assert.Equal(DurationParseResult.Parsed, result);
        Assert.Equal(TimeSpan.FromSeconds(5_000), duration);
    }

    [Fact]
    public void Parse_TenThousandLetters_IsMalformed()
    {
        // Act
        var result = DurationGrammar.Parse("5" + new string('s', 9_999), out _);

        // Assert
        Assert.Equal(DurationParseResult.Malformed, result);
    }

    [Theory]
    [InlineData(30 * 24 * 3600_000L, "30d")]
    [InlineData(7 * 24 * 3600_000L, "7d")]
    [InlineData(6 * 3600_000L, "6h")]
    [InlineData(90 * 60_000L, "90m")]
    [InlineData(300_000L, "5m")]
    [InlineData(1_500L, "1500ms")]
    [InlineData(250L, "250ms")]
    public void Format_WholeUnit_IsTheLargestUnitThatDividesIt(long milliseconds, string expected)
    {
        // Act
        var text = DurationGrammar.Format(TimeSpan.FromMilliseconds(milliseconds));

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Format_EveryParsedDuration_ReadsBackToItself()
    {
        foreach (var duration in Durations.Select(row => (TimeSpan)row[1]))
        {
            // Act
            var text = DurationGrammar.Format(duration);

            // Assert: the second source is the grammar's own reader.
            Assert.True(DurationGrammar.TryParse(text, out var back), text);
            Assert.Equal(duration, back);
        }
    }
}
