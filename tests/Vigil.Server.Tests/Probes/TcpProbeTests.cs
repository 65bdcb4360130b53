using System.Net;
using System.Net.Sockets;
using Vigil.Model;
using Vigil.Server.Probes;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

public sealed class TcpProbeTests : IAsyncDisposable
{
    private readonly ProbeHarness _harness = new();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Attempts_ListenerStopsAndComesBack_StatusFlipsOnlyAfterThresholds()
    {
        // Arrange
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var runner = _harness.Runner(Tcp(port) with { FailureThreshold = 2, SuccessThreshold = 2 });
        var results = new List<HealthResult>();

        // Act
        results.Add(await AttemptAsync(runner));
        listener.Stop();
        results.Add(await AttemptAsync(runner));
        results.Add(await AttemptAsync(runner));
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        try
        {
            results.Add(await AttemptAsync(runner));
            results.Add(await AttemptAsync(runner));
        }
        finally
        {
            listener.Stop();
        }

        // Assert
        const HealthStatus H = HealthStatus.Healthy, U = HealthStatus.Unhealthy;
        Assert.Equal([H, U, U, H, H], results.Select(r => r.Observed));
        Assert.Equal([H, H, U, U, H], results.Select(r => r.Status));
        Assert.Equal($"connected to 127.0.0.1:{port}", results[0].Description![..$"connected to 127.0.0.1:{port}".Length]);
        Assert.StartsWith($"cannot connect to 127.0.0.1:{port}: ", results[1].Description, StringComparison.Ordinal);
        Assert.Contains(new KeyValuePair<string, object?>("server.port", port), results[0].Data);
    }

    [Fact]
    public async Task Attempt_UnknownHost_UnhealthyNotThrown()
    {
        // Arrange: .invalid never resolves (RFC 2606).
        var runner = _harness.Runner(Tcp(80) with { Host = "no-such-host.invalid" });

        // Act
        var result = await AttemptAsync(runner);

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.StartsWith("cannot connect to no-such-host.invalid:80", result.Description, StringComparison.Ordinal);
    }

    private static ProbeDefinition Tcp(int port) => new()
    {
        Name = "db",
        Kind = ProbeKind.Tcp,
        Host = "127.0.0.1",
        Port = port,
        Interval = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private static async Task<HealthResult> AttemptAsync(ProbeRunner runner) =>
        (await runner.AttemptAsync(CancellationToken.None).DefaultTimeout())!;
}
