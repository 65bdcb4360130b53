using Spectre.Console;
using Vigil.Cli.Commands.Health;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Health;

public sealed class HealthWatchTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private static (CliContext Context, SignallingWriter Stdout, StringWriter Stderr) Context(bool ansi)
    {
        var stdout = new SignallingWriter();
        var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
        });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), new FixedClock(CliHarness.Now)) { StdoutIsTerminal = ansi };
        return (context, stdout, stderr);
    }

    [Fact]
    public async Task Watch_Redirected_SnapshotsAfterSeparatorsAndLastStatusIsExitCode()
    {
        // Arrange
        await HealthSamples.WriteHealthyAsync(_store);
        var (context, stdout, stderr) = Context(ansi: false);
        using (stdout)
        using (stderr)
        using (var cancellation = new CancellationTokenSource())
        {
            // Act: the first snapshot is healthy; a failure recorded meanwhile shows in a later one.
            var run = VigilCli.RunAsync(["health", "--watch", "--interval", "50ms", "--store", _store.Path], context, cancellation.Token);
            await stdout.WaitForAsync("healthy  3 healthy");
            await HealthSamples.WriteAsync(_store, HealthSamples.Result("queue", HealthStatus.Unhealthy, CliHarness.Now.AddSeconds(-1)));
            await stdout.WaitForAsync("unhealthy  3 healthy, 0 degraded, 1 unhealthy");
            await cancellation.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

            // Assert
            Assert.Equal(2, exitCode);
            var text = stdout.ToString();
            var snapshots = text.Split(HealthTextOutput.SeparatorPrefix, StringSplitOptions.RemoveEmptyEntries);
            Assert.True(snapshots.Length >= 2, $"expected two snapshots or more, got {snapshots.Length}");
            Assert.StartsWith(HealthTextOutput.SeparatorPrefix + "2026-11-23 12:00:00Z ---", text, StringComparison.Ordinal);
            Assert.Contains("healthy  3 healthy, 0 degraded, 0 unhealthy", snapshots[0], StringComparison.Ordinal);
            Assert.Contains("unhealthy  3 healthy, 0 degraded, 1 unhealthy", snapshots[^1], StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', text);
            Assert.Empty(stderr.ToString());
        }
    }

    [Fact]
    public async Task Watch_Terminal_ClearsAndRedraws()
    {
        // Arrange
        await HealthSamples.WriteHealthyAsync(_store);
        var (context, stdout, stderr) = Context(ansi: true);
        using (stdout)
        using (stderr)
        using (var cancellation = new CancellationTokenSource())
        {
            // Act: wait for two redraws (two clear-screen sequences).
            var run = VigilCli.RunAsync(["health", "--watch", "--interval", "20ms", "--store", _store.Path], context, cancellation.Token);
            await stdout.WaitForAsync("orders-http");
            var first = stdout.ToString().Length;
            await Eventually.TrueAsync(() => stdout.ToString()[first..].Contains("orders-http", StringComparison.Ordinal), "the next frame to show orders-http");

            await cancellation.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

            // Assert
            Assert.Equal(0, exitCode);
            var text = stdout.ToString();
            Assert.True(CountOf(text, "\u001b[2J") >= 2, "expected the screen cleared before each snapshot");
            Assert.DoesNotContain(HealthTextOutput.SeparatorPrefix, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Watch_Json_OneDocumentPerSnapshot()
    {
        // Arrange
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("disk", HealthStatus.Degraded, CliHarness.Now.AddMinutes(-1)));
        var (context, stdout, stderr) = Context(ansi: false);
        using (stdout)
        using (stderr)
        using (var cancellation = new CancellationTokenSource())
        {
            // Act
            var run = VigilCli.RunAsync(["health", "--watch", "--json", "--interval", "20ms", "--store", _store.Path], context, cancellation.Token);
            await Eventually.TrueAsync(() => stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 2, "two JSON documents");

            await cancellation.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

            // Assert
            Assert.Equal(1, exitCode);
            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, line =>
            {
                using var json = System.Text.Json.JsonDocument.Parse(line);
                Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
            });
        }
    }

    [Fact]
    public async Task Watch_EmptyStore_NoteWrittenOnce()
    {
        // Arrange
        await _store.CreateAsync();
        var (context, stdout, stderr) = Context(ansi: false);
        using (stdout)
        using (stderr)
        using (var cancellation = new CancellationTokenSource())
        {
            // Act
            var run = VigilCli.RunAsync(["health", "--watch", "--interval", "20ms", "--store", _store.Path], context, cancellation.Token);
            await Eventually.TrueAsync(() => CountOf(stdout.ToString(), HealthTextOutput.SeparatorPrefix) >= 3, "three frames");

            await cancellation.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

            // Assert
            Assert.Equal(0, exitCode);
            Assert.Equal(1, CountOf(stderr.ToString(), "No health checks or probes recorded yet"));
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
