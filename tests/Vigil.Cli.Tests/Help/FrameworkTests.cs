using Vigil.Cli.Help;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Help;

public sealed class FrameworkTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Version_Flag_PrintsInformationalVersion()
    {
        var run = await _cli.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(VersionAction.InformationalVersion, run.Stdout.Trim());
        Assert.StartsWith("0.1.0", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsExamplesOnStdout()
    {
        var run = await _cli.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsOneWithOneLine()
    {
        var run = await _cli.RunAsync("--bogus");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vigil: ", line, StringComparison.Ordinal);
        Assert.Contains("--bogus", line, StringComparison.Ordinal);
    }
}
