using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>What <c>vigil demo</c> says before it starts anything: help and bad values.</summary>
public sealed class DemoUsageTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Demo_Help_DescribesOptionsWithExamples()
    {
        var run = await _cli.RunAsync("demo", "--help").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  vigil demo [options]", run.Stdout, StringComparison.Ordinal);
        foreach (var option in new[] { "--store", "--duration", "--rate", "--grpc-port", "--otlp-port", "--port" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }

        var examples = run.Stdout[run.Stdout.IndexOf("Examples:", StringComparison.Ordinal)..];
        Assert.Contains("  vigil demo --duration 30s", examples, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_RootHelp_ListsDemo()
    {
        var run = await _cli.RunAsync("--help").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("demo", run.Stdout, StringComparison.Ordinal);

        // The CLI assembly is Vigil.Cli (beside the SDK's Vigil.dll), yet help still names the command vigil.
        Assert.Contains("  vigil [command] [options]", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rate", "0", "--rate: '0' must be greater than zero")]
    [InlineData("--rate", "5000", "--rate: '5000' is too high")]
    [InlineData("--duration", "soon", "--duration: 'soon' is not a duration")]
    public async Task Demo_BadValue_UsageErrorNamingTheOption(string option, string value, string message)
    {
        using var store = new TempStore();

        var run = await _cli.RunAsync("demo", "--store", store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", option, value)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
