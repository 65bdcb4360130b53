using Spectre.Console;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Logs;

public sealed class LogsFollowTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Follow_RecordWrittenAfterStart_IsPrintedThenStopsOnCancel()
    {
        // Arrange
        await _store.WriteLogsAsync(Some.Log("before start"));
        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), new FixedClock(CliHarness.Now))
        {
            FollowPollInterval = TimeSpan.FromMilliseconds(20),
        };
        using var cancellation = new CancellationTokenSource();

        // Act
        var run = VigilCli.RunAsync(["logs", "--follow", "--json", "--store", _store.Path], context, cancellation.Token);
        await stdout.WaitForAsync("before start");
        await _store.WriteLogsAsync(Some.Log("after start"));
        await stdout.WaitForAsync("after start");

        // A third record proves the cursor moved on: the poll that finds it must not repeat the second.
        await _store.WriteLogsAsync(Some.Log("later still"));
        await stdout.WaitForAsync("later still");
        await cancellation.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(0, exitCode);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("before start", lines[0], StringComparison.Ordinal);
        Assert.Contains("after start", lines[1], StringComparison.Ordinal);
        Assert.Contains("later still", lines[2], StringComparison.Ordinal);
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public async Task Follow_FilteredOut_NewRecordNotPrinted()
    {
        // Arrange
        await _store.CreateAsync();
        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), new FixedClock(CliHarness.Now))
        {
            FollowPollInterval = TimeSpan.FromMilliseconds(20),
        };
        using var cancellation = new CancellationTokenSource();

        // Act: a filtered-out record then a matching one; seeing the second proves the first was polled past.
        var run = VigilCli.RunAsync(["logs", "--follow", "--json", "--level", "error", "--store", _store.Path], context, cancellation.Token);
        await _store.WriteLogsAsync(Some.Log("quiet", severity: 9));
        await _store.WriteLogsAsync(Some.Log("loud", severity: 17));
        await stdout.WaitForAsync("loud");
        await cancellation.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("quiet", stdout.ToString(), StringComparison.Ordinal);
    }
}
