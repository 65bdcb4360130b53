using System.Globalization;
using Vigil.Model;
using Vigil.Server.Probes;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

public sealed class CommandProbeTests : IAsyncDisposable
{
    private readonly ProbeHarness _harness = new();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Attempt_ExitZero_HealthyWithOutputTail()
    {
        // Act
        var result = await AttemptAsync(Shell("echo all good; exit 0"));

        // Assert
        Assert.Equal(HealthStatus.Healthy, result.Observed);
        Assert.Equal("'sh' exited with code 0: all good", result.Description);
        Assert.Contains(new KeyValuePair<string, object?>("process.exit.code", 0), result.Data);
    }

    [Fact]
    public async Task Attempt_ExitThree_UnhealthyWithCodeAndStderr()
    {
        // Act
        var result = await AttemptAsync(Shell("echo disk full >&2; exit 3"));

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.Equal("'sh' exited with code 3: disk full", result.Description);
        Assert.Contains(new KeyValuePair<string, object?>("process.exit.code", 3), result.Data);
    }

    [Fact]
    public async Task Attempt_PastTimeout_KillsTheWholeTree()
    {
        // Arrange: the shell starts a child and prints its pid; both must die at the timeout.
        var definition = Shell("sleep 30 & echo $!; wait") with { Timeout = TimeSpan.FromMilliseconds(500) };

        // Act
        var result = await AttemptAsync(definition);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.StartsWith("'sh' did not finish in 0.5 s; killed with its child processes: ", result.Description, StringComparison.Ordinal);
        var childPid = int.Parse(result.Description!.Split(": ")[^1], CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => !ProcessTable.IsRunning(childPid), "the child process to be gone");
    }

    [Fact]
    public async Task Attempt_NoSuchProgram_UnhealthyNotThrown()
    {
        // Act
        var result = await AttemptAsync(new ProbeDefinition { Name = "run", Kind = ProbeKind.Command, File = "/no/such/program", Interval = TimeSpan.FromSeconds(30) });

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.StartsWith("cannot start '/no/such/program': ", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_ArgumentsWithShellCharacters_PassedAsIs()
    {
        // Arrange: no shell between the probe and the program, so nothing is expanded.
        var definition = new ProbeDefinition { Name = "run", Kind = ProbeKind.Command, File = "echo", Arguments = ["$HOME", "a;b", "*"], Interval = TimeSpan.FromSeconds(30) };

        // Act
        var result = await AttemptAsync(definition);

        // Assert
        Assert.Equal("'echo' exited with code 0: $HOME a;b *", result.Description);
    }

    [Fact]
    public async Task Attempt_ChattyCommand_KeepsOnlyTheTail()
    {
        // Act
        var result = await AttemptAsync(Shell("i=0; while [ $i -lt 5000 ]; do echo line $i; i=$((i+1)); done; exit 1"));

        // Assert
        Assert.EndsWith("line 4999", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("line 0\n", result.Description, StringComparison.Ordinal);
        Assert.True(result.Description!.Length < CommandProbe.MaxOutputCharacters + 100);
    }

    private static ProbeDefinition Shell(string script) => new()
    {
        Name = "run",
        Kind = ProbeKind.Command,
        File = "sh",
        Arguments = ["-c", script],
        Interval = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromSeconds(20),
    };

    private async Task<HealthResult> AttemptAsync(ProbeDefinition definition) =>
        (await _harness.Runner(definition).AttemptAsync(CancellationToken.None).DefaultTimeout())!;
}
