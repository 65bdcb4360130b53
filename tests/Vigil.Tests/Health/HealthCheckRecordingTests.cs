using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Model;

namespace Vigil.Tests.Health;

public sealed class HealthCheckRecordingTests
{
    [Fact]
    public async Task Checks_HealthyDegradedUnhealthy_EachRecordedAsTheContractSays()
    {
        await using var host = HealthHost.Create(checks => checks
            .AddCheck("db", () => HealthCheckResult.Healthy("connected", new Dictionary<string, object> { ["connections"] = 3, ["server"] = "db-1" }))
            .AddCheck("queue", () => HealthCheckResult.Degraded("backlog of 120"))
            .AddCheck("cache", () => HealthCheckResult.Unhealthy()));
        await host.StartAsync();

        var db = (await host.WaitForResultsAsync("db"))[0];
        var queue = (await host.WaitForResultsAsync("queue"))[0];
        var cache = (await host.WaitForResultsAsync("cache"))[0];

        Assert.Equal(LogLevel.Information, db.Level);
        Assert.Equal("Vigil.Health", db.Category);
        Assert.Equal("healthy", db.Attributes[HealthLogRecord.Status]);
        Assert.Equal("connected", db.Attributes[HealthLogRecord.Description]);
        Assert.True(Assert.IsType<double>(db.Attributes[HealthLogRecord.DurationMilliseconds]) >= 0);
        Assert.Equal(1000d, db.Attributes[HealthLogRecord.IntervalMilliseconds]);
        Assert.Equal(3L, db.Attributes[HealthLogRecord.DataPrefix + "connections"]);
        Assert.Equal("db-1", db.Attributes[HealthLogRecord.DataPrefix + "server"]);
        Assert.StartsWith("Health check db is healthy (", db.Message, StringComparison.Ordinal);
        Assert.EndsWith("ms): connected", db.Message, StringComparison.Ordinal);

        Assert.Equal(LogLevel.Warning, queue.Level);
        Assert.Equal("degraded", queue.Attributes[HealthLogRecord.Status]);
        Assert.Equal("backlog of 120", queue.Attributes[HealthLogRecord.Description]);

        Assert.Equal(LogLevel.Error, cache.Level);
        Assert.Equal("unhealthy", cache.Attributes[HealthLogRecord.Status]);
        Assert.DoesNotContain(HealthLogRecord.Description, cache.Attributes.Keys);
        Assert.All([db, queue, cache], r => Assert.Null(r.Exception));
    }

    [Fact]
    public async Task Check_Throws_RecordedUnhealthyWithTheErrorDescribedNotAttached()
    {
        await using var host = HealthHost.Create(checks => checks.AddCheck("payments", () => throw new InvalidOperationException("cannot reach the gateway")));
        await host.StartAsync();

        var result = (await host.WaitForResultsAsync("payments", 2))[0];
        await host.StopAsync();

        Assert.Equal(LogLevel.Error, result.Level);
        Assert.Equal("unhealthy", result.Attributes[HealthLogRecord.Status]);
        Assert.Contains("System.InvalidOperationException: cannot reach the gateway", (string)result.Attributes[HealthLogRecord.Description]!, StringComparison.Ordinal);

        // Neither Vigil's record nor the platform's own log of the failure carries the exception: each would open an error group.
        Assert.DoesNotContain(host.AllLogs, l => l.Exception is not null);
    }

    [Fact]
    public async Task Check_Throws_PlatformLogIsKeptWhenItsCategoryIsConfigured()
    {
        const string PlatformCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";
        await using var host = HealthHost.Create(
            checks => checks.AddCheck("payments", () => throw new InvalidOperationException("cannot reach the gateway")),
            options => options.Logging.MinimumLevel[PlatformCategory] = LogLevel.Information);
        await host.StartAsync();

        await host.WaitForResultsAsync("payments", 2);
        await host.StopAsync();

        Assert.Contains(host.AllLogs, l => l.Category == PlatformCategory && l.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Check_HangsPastTimeout_RecordedUnhealthyTimedOut()
    {
        await using var host = HealthHost.Create(checks => checks
            .AddAsyncCheck("hangs", async cancellationToken =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                return HealthCheckResult.Healthy();
            })
            .AddCheck("explicit", () => HealthCheckResult.Healthy(), timeout: TimeSpan.FromSeconds(7)));
        await host.StartAsync();

        var result = (await host.WaitForResultsAsync("hangs"))[0];

        Assert.Equal("unhealthy", result.Attributes[HealthLogRecord.Status]);
        Assert.StartsWith("timed out after ", (string)result.Attributes[HealthLogRecord.Description]!, StringComparison.Ordinal);
        var registrations = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Equal(TimeSpan.FromSeconds(1), registrations.Single(r => r.Name == "hangs").Timeout);
        Assert.Equal(TimeSpan.FromSeconds(7), registrations.Single(r => r.Name == "explicit").Timeout);
    }

    [Fact]
    public async Task Check_Flaps_EveryResultRecordedAndTheConsoleShowsChangesOnly()
    {
        var runs = 0;
        await using var host = HealthHost.Create(
            checks => checks
                .AddCheck("flaky", () => Interlocked.Increment(ref runs) % 2 == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("lost the lease"))
                .AddCheck("steady", () => HealthCheckResult.Healthy("fine")),
            options => options.Console.Enabled = true);
        await host.StartAsync();

        var flaky = await host.WaitForResultsAsync("flaky", 4);
        await host.WaitForResultsAsync("steady", 4);
        await host.StopAsync();

        Assert.Equal(["healthy", "unhealthy", "healthy", "unhealthy"], flaky.Select(r => (string)r.Attributes[HealthLogRecord.Status]!));
        var lines = host.ConsoleText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.Contains("\"vigil.health.name\":\"steady\"", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.Contains("\"vigil.health.name\":\"flaky\"", StringComparison.Ordinal)) >= 4);
    }

    [Fact]
    public async Task DefaultLevelWarning_HealthyResultsAreStillRecorded()
    {
        await using var host = HealthHost.Create(
            checks => checks.AddCheck("db", () => HealthCheckResult.Healthy()),
            options => options.Logging.MinimumLevel[LoggingOptions.DefaultCategory] = LogLevel.Warning);
        await host.StartAsync();

        var result = (await host.WaitForResultsAsync("db"))[0];

        Assert.Equal(LogLevel.Information, result.Level);
    }

    [Fact]
    public async Task HealthDisabled_ChecksAreNotRecorded()
    {
        await using var host = HealthHost.Create(checks => checks.AddCheck("db", () => HealthCheckResult.Healthy()), options => options.Health.Enabled = false);

        Assert.DoesNotContain(host.Services.GetServices<IHealthCheckPublisher>(), p => p.GetType().Namespace == "Vigil.Health");
        Assert.Equal(Timeout.InfiniteTimeSpan, host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single().Timeout);
    }
}
