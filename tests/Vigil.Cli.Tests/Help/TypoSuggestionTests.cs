using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Help;

/// <summary>A mistyped command gets the nearest one suggested, as git does.</summary>
public sealed class TypoSuggestionTests
{
    [Theory]
    [InlineData("'lgos': did you mean 'logs'? (see vigil --help)", "lgos")]
    [InlineData("'trace': did you mean 'traces'? (see vigil --help)", "trace", "--errors")]
    [InlineData("'shwo': did you mean 'show'? (see vigil errors --help)", "errors", "shwo", "1")]
    public async Task MistypedCommand_ExitsOneSuggestingTheNearest(string expected, params string[] args)
    {
        var run = await new CliHarness().RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("vigil: Unrecognized command " + expected, run.Stderr.Trim());
    }

    [Fact]
    public async Task UnrelatedWord_NoSuggestion()
    {
        var run = await new CliHarness().RunAsync("banana");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("did you mean", run.Stderr, StringComparison.Ordinal);
    }
}
