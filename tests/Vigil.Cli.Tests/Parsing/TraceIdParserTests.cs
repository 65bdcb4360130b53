using Vigil.Cli.Parsing;

namespace Vigil.Cli.Tests.Parsing;

public sealed class TraceIdParserTests
{
    [Fact]
    public void TryParse_UpperCaseHex_ReturnsLowerCase()
    {
        var ok = TraceIdParser.TryParse("4BF92F3577B34DA6A3CE929D0E0E4736", out var id, out _);

        Assert.True(ok);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", id);
    }

    [Theory]
    [InlineData("4bf9", "4bf9")]
    [InlineData("4BF92F35", "4bf92f35")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473", "4bf92f3577b34da6a3ce929d0e0e473")]
    [InlineData("0000", "0000")]
    public void TryParse_Prefix_AcceptedInLowerCase(string text, string expected)
    {
        Assert.True(TraceIdParser.TryParse(text, out var prefix, out _));
        Assert.Equal(expected, prefix);
    }

    [Theory]
    [InlineData("4bf", "the first 4 or more")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e47366", "not a trace id")]
    [InlineData("zbf92f3577b34da6a3ce929d0e0e4736", "not a trace id")]
    [InlineData("00000000000000000000000000000000", "all-zero")]
    public void TryParse_Invalid_ExplainsWhy(string text, string expectedFragment)
    {
        var ok = TraceIdParser.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }
}
