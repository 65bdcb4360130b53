using Vigil.Cli.Parsing;

namespace Vigil.Cli.Tests.Parsing;

public sealed class AttributeFilterParserTests
{
    [Theory]
    [InlineData("http.route=/orders", "http.route", "/orders")]
    [InlineData("query=a=b", "query", "a=b")]
    [InlineData("tag=", "tag", "")]
    public void TryParse_KeyValue_SplitsAtFirstEquals(string text, string key, string value)
    {
        var ok = AttributeFilterParser.TryParse(text, out var filter, out _);

        Assert.True(ok);
        Assert.Equal(key, filter.Key);
        Assert.Equal(value, filter.Value);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=value")]
    [InlineData(" =value")]
    public void TryParse_NoKey_Fails(string text)
    {
        var ok = AttributeFilterParser.TryParse(text, out _, out var error);

        Assert.False(ok);
        Assert.Contains("key=value", error, StringComparison.Ordinal);
    }
}
