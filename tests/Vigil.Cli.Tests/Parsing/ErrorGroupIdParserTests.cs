using Vigil.Cli.Parsing;

namespace Vigil.Cli.Tests.Parsing;

public sealed class ErrorGroupIdParserTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("#12", 12)]
    [InlineData(" 7 ", 7)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void TryParse_Id_ReturnsIt(string text, long expected)
    {
        var ok = ErrorGroupIdParser.TryParse(text, out var id, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, id);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "not an error group id")]
    [InlineData("#", "not an error group id")]
    [InlineData("abc", "not an error group id")]
    [InlineData("-1", "not an error group id")]
    [InlineData("+1", "not an error group id")]
    [InlineData("1e3", "not an error group id")]
    [InlineData("١٢", "not an error group id")]
    [InlineData("0", "ids start at 1")]
    [InlineData("9223372036854775808", "too large")]
    public void TryParse_NotAnId_ExplainsWhy(string text, string expected)
    {
        var ok = ErrorGroupIdParser.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
