using System.Net;
using System.Net.Sockets;
using Spectre.Console;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>How <c>vigil demo</c> ends without <c>--duration</c>, and when it cannot start.</summary>
[Collection(DemoRunsInSequence.Name)]
public sealed class DemoStopTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Demo_CtrlC_FlushesDrainsAndExitsZero()
    {
        using var store = new TempStore();
        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), TimeProvider.System);
        using var cancellation = new CancellationTokenSource();

        // Act: start without --duration, wait for the guide, then do what Program does on Ctrl-C.
        var run = VigilCli.RunAsync(["demo", "--store", store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", "--rate", "20"], context, cancellation.Token);
        await stdout.WaitForAsync("Press Ctrl-C to stop.").WaitAsync(Timeout);
        await cancellation.CancelAsync();
        var exitCode = await run.WaitAsync(Timeout);

        // Assert: a clean exit, and the first request's whole trace was flushed before the server drained.
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("vigil demo: stopped.", stderr.ToString(), StringComparison.Ordinal);
        var reader = SqliteTelemetryStore.Open(store.Path, TelemetryStoreOptions.Reader);
        await using (reader)
        {
            var traces = await reader.QueryTracesAsync(new TraceQuery { Limit = 1000 }).WaitAsync(Timeout);
            Assert.NotEmpty(traces);
            Assert.All(traces, t => Assert.Equal("POST /api/checkout", t.RootSpanName));
        }
    }

    [Fact]
    public async Task Demo_PortInUse_OneLineNamingPortAndOptionAndNoStore()
    {
        using var store = new TempStore();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await new CliHarness()
            .RunAsync("demo", "--store", store.Path, "--grpc-port", port, "--otlp-port", "0", "--port", "0", "--duration", "1s")
            .WaitAsync(Timeout);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"vigil: port {port} (OTLP/gRPC, --grpc-port) on 127.0.0.1 is already in use: choose another with --grpc-port PORT, or --grpc-port 0 to pick a free one", line.TrimEnd());
        Assert.Empty(run.Stdout);
        Assert.False(File.Exists(store.Path), "a server that never listened must not create the store");
    }
}
