using System.Net;
using System.Net.Sockets;
using Spectre.Console;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Commands.Serve;

/// <summary><c>vigil serve --config</c>: the probes file is read and checked before anything listens.</summary>
public sealed class ServeConfigTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempStore _store = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-serve-config-").FullName;

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Serve_ConfigFileMissing_ExitsOneNamingIt()
    {
        // Arrange
        var path = Path.Combine(_directory, "missing.json");

        // Act
        var run = await new CliHarness().RunAsync(Serve("--config", path)).WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Equal($"vigil: {path}: the configuration file does not exist", run.Stderr.Trim());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Serve_ConfigFromEnvironment_IsRead()
    {
        // Arrange
        var path = Path.Combine(_directory, "from-env.json");
        var cli = new CliHarness();
        cli.Environment["VIGIL_SERVER_CONFIG"] = path;

        // Act
        var run = await cli.RunAsync(Serve()).WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(path, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BadConfig_ExitsOneListingEveryProblem()
    {
        // Arrange
        var path = Write("""
            { "Probes": [
                { "Name": "api", "Kind": "http", "Url": "htp:/x", "Interval": "10s", "Timeout": "30s" },
                { "Name": "api", "Kind": "tcp", "Host": "db", "Port": 0 }
            ] }
            """);

        // Act
        var run = await new CliHarness().RunAsync(Serve("--config", path)).WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.StartsWith($"vigil: {path}: 4 problems:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Probes:0:Url: 'htp:/x' is not allowed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Probes:0:Timeout: 30s is not allowed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Probes:1:Name: 'api' is already the name of Probes:0", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Probes:1:Port: 0 is not allowed", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Serve_WithProbe_ListsItAtStartUpAndStoresItsResults()
    {
        // Arrange
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var path = Write($$"""{ "Probes": [ { "Name": "db", "Kind": "tcp", "Host": "127.0.0.1", "Port": {{port}}, "Interval": "200ms" } ] }""");
        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), TimeProvider.System);
        using var cancellation = new CancellationTokenSource();

        // Act
        var run = VigilCli.RunAsync(Serve("--config", path), context, cancellation.Token);
        await stdout.WaitForAsync("probes     1").WaitAsync(Timeout);
        await WaitForHealthAsync().WaitAsync(Timeout);
        await cancellation.CancelAsync();
        var exitCode = await run.WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains($"  config     {path}", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"    db  tcp 127.0.0.1:{port}  every 200ms, timeout 100ms", stdout.ToString(), StringComparison.Ordinal);
    }

    private async Task WaitForHealthAsync()
    {
        while (true)
        {
            var reader = SqliteTelemetryStore.Open(_store.Path, TelemetryStoreOptions.Reader);
            await using (reader)
            {
                var states = await reader.QueryHealthAsync(new HealthQuery { Kind = HealthSourceKind.Probe });
                if (states.Any(s => s.Latest.Name == "db" && s.Latest.Status == HealthStatus.Healthy && s.Latest.ServiceName == "vigil-serve"))
                {
                    return;
                }
            }

            await Task.Delay(50);
        }
    }

    private string[] Serve(params string[] args) =>
        ["serve", "--store", _store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", .. args];

    private string Write(string json)
    {
        var path = Path.Combine(_directory, "vigil.server.json");
        File.WriteAllText(path, json);
        return path;
    }
}
