using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vigil.Storage;
using StoreStatus = Vigil.Storage.HealthStatus;

namespace Vigil.Tests.Health;

public sealed class HealthStoreEndToEndTests
{
    [Fact]
    public async Task CheckResults_ReachTheLocalStore_AsTheCheckCurrentState()
    {
        await using var host = HealthHost.Create(
            checks => checks
                .AddCheck("queue", () => HealthCheckResult.Degraded("backlog of 120", data: new Dictionary<string, object> { ["depth"] = 120 }))
                .AddCheck("db", () => HealthCheckResult.Healthy()),
            options =>
            {
                options.Service.Name = "health-e2e";
                options.Store.Enabled = true;
            });
        await host.StartAsync();

        await host.WaitForResultsAsync("queue", 2);
        await host.WaitForResultsAsync("db", 2);
        await host.StopAsync();

        await using var store = SqliteTelemetryStore.Open(Path.Combine(host.WorkingDirectory, ".vigil", "vigil.db"), TelemetryStoreOptions.Reader);
        var states = await store.QueryHealthAsync(new HealthQuery { ServiceName = "health-e2e" });
        var queue = Assert.Single(states, s => s.Latest.Name == "queue").Latest;
        Assert.Equal(HealthSourceKind.Check, queue.Kind);
        Assert.Equal(StoreStatus.Degraded, queue.Status);
        Assert.Equal("backlog of 120", queue.Description);
        Assert.Contains(queue.Data, d => d.Key == "depth" && Equals(d.Value, 120L));
        Assert.Equal(StoreStatus.Healthy, Assert.Single(states, s => s.Latest.Name == "db").Latest.Status);
    }
}
