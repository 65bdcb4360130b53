using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using StoreStatus = Vigil.Model.HealthStatus;

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

    [Fact]
    public async Task CheckResults_ApplicationStopped_StaleAfterThreeOfItsPeriods()
    {
        await using var host = HealthHost.Create(
            checks => checks.AddCheck("db", () => HealthCheckResult.Healthy()),
            options =>
            {
                options.Service.Name = "health-stale";
                options.Store.Enabled = true;
            });
        await host.StartAsync();
        await host.WaitForResultsAsync("db");
        await host.StopAsync();
        var path = Path.Combine(host.WorkingDirectory, ".vigil", "vigil.db");
        DateTimeOffset last;
        await using (var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader))
        {
            last = Assert.Single(await store.QueryHealthAsync(new HealthQuery { ServiceName = "health-stale" })).Latest.Timestamp;
        }

        // The period is 1 s (HealthHost): three of them after the last result the check is still current, just past them it is stale.
        var atThree = await ReadAtAsync(path, last.AddSeconds(3));
        var pastThree = await ReadAtAsync(path, last.AddSeconds(3).AddTicks(1));

        Assert.Equal(TimeSpan.FromSeconds(1), atThree.Latest.Interval);
        Assert.False(atThree.IsStale);
        Assert.True(pastThree.IsStale);
        Assert.Equal(StoreStatus.Healthy, pastThree.Latest.Status);
        Assert.Equal(StoreStatus.Unhealthy, HealthState.Worst([pastThree]));
    }

    [Fact]
    public async Task CheckResults_RegistrationWithItsOwnPeriod_CarryThatPeriod()
    {
        await using var host = HealthHost.Create(checks =>
        {
            checks.AddCheck("every-second", () => HealthCheckResult.Healthy()).AddCheck("own-period", () => HealthCheckResult.Healthy());
            checks.Services.Configure<HealthCheckServiceOptions>(o => o.Registrations.Single(r => r.Name == "own-period").Period = TimeSpan.FromSeconds(2));
        });
        await host.StartAsync();

        var own = (await host.WaitForResultsAsync("own-period"))[0];
        var shared = (await host.WaitForResultsAsync("every-second"))[0];

        Assert.Equal(2000d, own.Attributes[HealthLogRecord.IntervalMilliseconds]);
        Assert.Equal(1000d, shared.Attributes[HealthLogRecord.IntervalMilliseconds]);
    }

    private static async Task<HealthState> ReadAtAsync(string path, DateTimeOffset now)
    {
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader with { Clock = new FakeTimeProvider(now) });
        return Assert.Single(await store.QueryHealthAsync(new HealthQuery { ServiceName = "health-stale" }));
    }
}
