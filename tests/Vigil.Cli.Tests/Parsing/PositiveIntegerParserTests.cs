using Vigil.Cli.Parsing;

namespace Vigil.Cli.Tests.Parsing;

public sealed class PositiveIntegerParserTests
{
    [Theory]
    [InlineData("0", "greater than zero")]
    [InlineData("-3", "greater than zero")]
    [InlineData("ten", "not a whole number")]
    [InlineData("99999999999", "too large")]
    public void TryParse_Invalid_ExplainsWhy(string text, string expectedFragment)
    {
        var ok = PositiveIntegerParser.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Positive_ReturnsValue()
    {
        Assert.True(PositiveIntegerParser.TryParse("25", out var value, out _));
        Assert.Equal(25, value);
    }
}
