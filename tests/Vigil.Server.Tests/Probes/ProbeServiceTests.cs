using System.Net;
using System.Net.Sockets;
using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Server.Probes;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

public sealed class ProbeServiceTests
{
    [Fact]
    public async Task Serve_TcpProbe_StoresEveryAttemptAndFlipsAfterThreshold()
    {
        // Arrange
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var probe = new ProbeDefinition
        {
            Name = "db",
            Kind = ProbeKind.Tcp,
            Host = "127.0.0.1",
            Port = port,
            Interval = TimeSpan.FromMilliseconds(100),
            Timeout = TimeSpan.FromMilliseconds(50),
            FailureThreshold = 2,
        };

        // Act
        await using var server = await TestServer.StartAsync(o => o.Probes = [probe]);
        await Eventually.TrueAsync(() => ProbeResults(server).Count >= 2, "two healthy attempts");
        listener.Stop();
        await Eventually.TrueAsync(() => ProbeResults(server).Any(r => r.Status == HealthStatus.Unhealthy), "the probe to turn unhealthy");

        // Assert: read back through the store.
        var state = Assert.Single(await server.Store.QueryHealthAsync(new HealthQuery { Kind = HealthSourceKind.Probe }).DefaultTimeout());
        Assert.Equal(("db", "vigil-serve", HealthStatus.Unhealthy), (state.Latest.Name, state.Latest.ServiceName, state.Latest.Status));
        var results = ProbeResults(server);
        Assert.Equal(HealthStatus.Healthy, results[0].Status);
        var firstFailure = results.FindIndex(r => r.Observed == HealthStatus.Unhealthy);
        Assert.Equal(HealthStatus.Healthy, results[firstFailure].Status);
        Assert.Equal(HealthStatus.Unhealthy, results[firstFailure + 1].Status);
        Assert.Equal(results[firstFailure + 1].Timestamp, state.Since);
    }

    [Fact]
    public async Task Serve_StoreFailsForAWhile_ProbeKeepsRunning()
    {
        // Arrange
        await using var target = await HttpTarget.StartAsync();
        var probe = new ProbeDefinition { Name = "api", Kind = ProbeKind.Http, Url = target.Url, Interval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromMilliseconds(90) };
        await using var server = await TestServer.StartAsync(o => o.Probes = [probe]);
        server.Store.FailWith = new IOException("disk gone");
        await Eventually.TrueAsync(() => server.Store.WritesStarted >= 3, "failed writes");

        // Act
        server.Store.FailWith = null;

        // Assert
        await Eventually.TrueAsync(() => ProbeResults(server).Count >= 1, "a stored result after the store recovered");
    }

    [Fact]
    public async Task Serve_StopsWhileACommandRuns_KillsItAndStopsPromptly()
    {
        // Arrange: an attempt that would take two minutes; stopping must not wait for it.
        var probe = new ProbeDefinition
        {
            Name = "slow",
            Kind = ProbeKind.Command,
            File = "sleep",
            Arguments = ["120"],
            Interval = TimeSpan.FromMinutes(5),
            Timeout = TimeSpan.FromMinutes(4),
        };
        var server = await TestServer.StartAsync(o => o.Probes = [probe]);
        await Eventually.TrueAsync(() => SleepRunning(), "the command to start");

        // Act
        await server.DisposeAsync().AsTask().DefaultTimeout();

        // Assert
        Assert.Empty(ProbeResults(server));
        await Eventually.TrueAsync(() => !SleepRunning(), "the command to be killed");
    }

    [Fact]
    public void Create_InvalidProbe_ThrowsListingProblems()
    {
        // Arrange
        var options = new VigilServerOptions
        {
            StorePath = "x.db",
            Probes = [new ProbeDefinition { Name = "a", Kind = ProbeKind.Tcp, Host = "h", Port = 1, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2) }],
        };

        // Act
        var exception = Assert.Throws<ArgumentException>(() => VigilServerApplication.Create(options));

        // Assert
        Assert.Contains("Probes:0:Timeout: 2s is not allowed", exception.Message, StringComparison.Ordinal);
    }

    private static List<HealthResult> ProbeResults(TestServer server) =>
        [.. server.Store.Batches.SelectMany(b => b.HealthResults)];

    private static bool SleepRunning() => ProcessTable.CountChildren("sleep\0120\0") > 0;
}
