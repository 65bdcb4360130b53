using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Help;

public sealed class FailureTests
{
    private static async Task<(int ExitCode, string Stderr)> RunWithFailingStoreAsync(params string[] args)
    {
        using var stderr = new StringWriter();
        var context = new CliContext(new TestConsole(), stderr, new Dictionary<string, string?>(), new FakeTimeProvider(CliHarness.Now))
        {
            OpenStore = _ => throw new InvalidOperationException("the disk is on fire"),
        };

        var exitCode = await VigilCli.RunAsync(args, context);
        return (exitCode, stderr.ToString());
    }

    [Fact]
    public async Task Run_UnexpectedException_OneLineExitOne()
    {
        var (exitCode, stderr) = await RunWithFailingStoreAsync("logs");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("vigil: InvalidOperationException: the disk is on fire", line.TrimEnd());
    }

    [Fact]
    public async Task Run_UnexpectedExceptionVerbose_ShowsStack()
    {
        var (exitCode, stderr) = await RunWithFailingStoreAsync("logs", "--verbose");

        Assert.Equal(1, exitCode);
        Assert.Contains("System.InvalidOperationException: the disk is on fire", stderr, StringComparison.Ordinal);
        Assert.Contains("   at ", stderr, StringComparison.Ordinal);
    }
}
