using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Serve;

/// <summary>Issue 11 item 10: a taken port is one line naming it and its option, exit 1, and no store.</summary>
public sealed class ServePortInUseTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("--grpc-port", "OTLP/gRPC")]
    [InlineData("--otlp-port", "OTLP/HTTP")]
    [InlineData("--port", "the query API")]
    public async Task Serve_PortHeldByAnotherListener_OneLineExitOneNoStore(string option, string what)
    {
        // Arrange
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        var ports = new Dictionary<string, string> { ["--grpc-port"] = "0", ["--otlp-port"] = "0", ["--port"] = "0" };
        ports[option] = port;
        string[] args = ["serve", "--store", _store.Path, .. ports.SelectMany(p => new[] { p.Key, p.Value })];

        // Act
        var run = await new CliHarness().RunAsync(args).WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"port {port} ({what}, {option})", line, StringComparison.Ordinal);
        Assert.Contains($"{option} 0 to pick a free one", line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(File.Exists(_store.Path), "a server that never listened must not create the store");
    }
}
