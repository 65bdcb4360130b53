using Spectre.Console;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Remote;

public sealed class RemoteFollowTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Follow_OverServer_PrintsNewRecordsOnceThenStopsOnCancel()
    {
        // Arrange
        await _store.WriteLogsAsync(Some.Log("before start"));
        await using var server = await LoopbackServer.StartAsync(_store.Path);
        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), new FixedClock(CliHarness.Now))
        {
            FollowPollInterval = TimeSpan.FromMilliseconds(20),
        };
        using var cancellation = new CancellationTokenSource();

        // Act: the follower pages forward with after=sequence through the API.
        var run = VigilCli.RunAsync(["logs", "--follow", "--json", "--server", server.Url], context, cancellation.Token);
        await stdout.WaitForAsync("before start");
        await _store.WriteLogsAsync(Some.Log("after start"));
        await stdout.WaitForAsync("after start");
        await _store.WriteLogsAsync(Some.Log("later still"));
        await stdout.WaitForAsync("later still");
        await cancellation.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(0, exitCode);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Empty(stderr.ToString());
    }
}
