using Spectre.Console;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Logs;

/// <summary><c>vigil logs --follow</c> prints clock times: a followed "3m ago" stays on screen and goes stale.</summary>
public sealed class LogsFollowTimeTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--time", "relative" }, true)]
    public async Task Follow_Text_ClockTimesUnlessRelativeAsked(string[] time, bool relative)
    {
        await _store.WriteLogsAsync(Some.Log("order placed", CliHarness.Now.AddMinutes(-3)));
        using var stdout = new SignallingWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, TextWriter.Null, new Dictionary<string, string?>(), new FixedClock(CliHarness.Now))
        {
            FollowPollInterval = TimeSpan.FromMilliseconds(20),
        };
        using var cancellation = new CancellationTokenSource();

        var run = VigilCli.RunAsync(["logs", "--follow", .. time, "--store", _store.Path], context, cancellation.Token);
        await stdout.WaitForAsync("order placed");
        await cancellation.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));

        var line = stdout.ToString();
        Assert.Equal(relative, line.Contains("3m ago", StringComparison.Ordinal));
        Assert.Equal(!relative, System.Text.RegularExpressions.Regex.IsMatch(line, @"\d\d:\d\d:\d\d"));
    }
}
