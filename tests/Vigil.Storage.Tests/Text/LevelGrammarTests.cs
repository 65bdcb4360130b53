using Vigil.Model.Text;

namespace Vigil.Storage.Tests.Text;

public sealed class LevelGrammarTests
{
    [Theory]
    [InlineData("trace", 1)]
    [InlineData("trc", 1)]
    [InlineData("verbose", 1)]
    [InlineData("debug", 5)]
    [InlineData("dbg", 5)]
    [InlineData("info", 9)]
    [InlineData("inf", 9)]
    [InlineData("information", 9)]
    [InlineData("warn", 13)]
    [InlineData("wrn", 13)]
    [InlineData("warning", 13)]
    [InlineData("error", 17)]
    [InlineData("err", 17)]
    [InlineData("fail", 17)]
    [InlineData("fatal", 21)]
    [InlineData("ftl", 21)]
    [InlineData("critical", 21)]
    [InlineData("crit", 21)]
    [InlineData("WARNING", 13)]
    [InlineData("Information", 9)]
    [InlineData("VeRbOsE", 1)]
    [InlineData("  error\t", 17)]
    public void TryParse_LevelName_IsTheFirstSeverityNumberOfItsBand(string text, int severity)
    {
        // Act
        var parsed = LevelGrammar.TryParse(text, out var actual);

        // Assert
        Assert.True(parsed);
        Assert.Equal(severity, actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("none")]
    [InlineData("loud")]
    [InlineData("17")]
    [InlineData("1")]
    [InlineData("warnings")]
    [InlineData("war n")]
    [InlineData("informational")]
    [InlineData("ınfo")] // dotless i: upper-cases to I only under a Turkish culture, which the grammar does not use
    [InlineData("ｗａｒｎ")] // full-width letters
    [InlineData("warn\0")]
    public void TryParse_NotALevelName_IsRefused(string text)
    {
        // Act
        var parsed = LevelGrammar.TryParse(text, out var severity);

        // Assert
        Assert.False(parsed);
        Assert.Equal(0, severity);
    }

    [Fact]
    public void TryParse_TenThousandCharacters_IsRefused()
    {
        // Act
        var parsed = LevelGrammar.TryParse(new string('w', 10_000), out _);

        // Assert
        Assert.False(parsed);
    }

    [Fact]
    public void Allowed_NamesEveryAcceptedName()
    {
        // Arrange
        string[] names = ["trace", "trc", "verbose", "debug", "dbg", "info", "inf", "information", "warn", "wrn", "warning", "error", "err", "fail", "fatal", "ftl", "critical", "crit"];

        // Assert
        Assert.All(names, name => Assert.Contains(name, LevelGrammar.Allowed, StringComparison.Ordinal));
    }
}
