using Vigil.Testing.PushGateway;

namespace Vigil.Tests.Metrics.PushGateway;

/// <summary>One real Pushgateway for the sink's tests; each test pushes to a job of its own.</summary>
public sealed class PushGatewayFixture : IAsyncLifetime
{
    private PushGatewayServer? _server;

    public PushGatewayServer Server => _server ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync() => _server = await PushGatewayServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
