using Vigil.Testing.Influx;

namespace Vigil.Tests.Metrics.Influx;

/// <summary>One real InfluxDB server for the round-trip tests; each test writes to a database of its own.</summary>
public sealed class InfluxDbFixture : IAsyncLifetime
{
    private InfluxDbServer? _server;

    public InfluxDbServer Server => _server ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync() => _server = await InfluxDbServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
