using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Help;

/// <summary>An option's default appears once in help: in its description, which also says what else the value means.</summary>
public sealed class HelpDefaultsTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("demo")]
    public async Task Help_PortsAndBind_DefaultSaidOnce(string command)
    {
        var run = await new CliHarness { Width = 200 }.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(default: 4317; 0 picks a free port)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[default: 4317]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[default: 4318]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[default: 4320]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[default: 127.0.0.1]", run.Stdout, StringComparison.Ordinal);
    }
}
