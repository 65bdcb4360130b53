using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Help;

public sealed class HelpTests
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData("logs", "--follow")]
    [InlineData("traces", "--min-duration")]
    [InlineData("metrics", "--format")]
    [InlineData("errors", "--severity")]
    [InlineData("errors show", "--hours")]
    [InlineData("errors resolve", "--in-next-release")]
    [InlineData("errors ignore", "--for-events")]
    [InlineData("errors reopen", "--json")]
    [InlineData("health", "--interval")]
    public async Task Help_EachCommand_DescribesOptionsWithExamples(string command, string option)
    {
        var run = await _cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"vigil {command}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--store", run.Stdout, StringComparison.Ordinal);
        var examples = run.Stdout[run.Stdout.IndexOf("Examples:", StringComparison.Ordinal)..];
        Assert.Contains($"  vigil {command}", examples, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        var run = await _cli.RunAsync("--help");

        Assert.Contains("logs", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("traces", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("metrics", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("errors", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("health", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoArguments_ShowsHelp()
    {
        var run = await _cli.RunAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
    }
}
