using Vigil.Cli.Parsing;

namespace Vigil.Cli.Tests.Parsing;

public sealed class LevelParserTests
{
    [Theory]
    [InlineData("trace", nameof(CliLogLevel.Trace))]
    [InlineData("debug", nameof(CliLogLevel.Debug))]
    [InlineData("info", nameof(CliLogLevel.Information))]
    [InlineData("Information", nameof(CliLogLevel.Information))]
    [InlineData("warn", nameof(CliLogLevel.Warning))]
    [InlineData("WARNING", nameof(CliLogLevel.Warning))]
    [InlineData("error", nameof(CliLogLevel.Error))]
    [InlineData("fatal", nameof(CliLogLevel.Fatal))]
    [InlineData("critical", nameof(CliLogLevel.Fatal))]
    public void TryParse_KnownName_ReturnsLevel(string text, string expected)
    {
        var ok = LevelParser.TryParse(text, out var level);

        Assert.True(ok);
        Assert.Equal(Enum.Parse<CliLogLevel>(expected), level);
    }

    [Theory]
    [InlineData("loud")]
    [InlineData("")]
    [InlineData("3")]
    public void TryParse_UnknownName_Fails(string text)
    {
        Assert.False(LevelParser.TryParse(text, out _));
    }
}
