using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

public sealed class HealthApiTests
{
    private static async Task<ReadServer> StartWithHealthAsync()
    {
        var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Seed.HealthCheck("database", "healthy", minutesAgo: 5, data: new KeyValuePair<string, object?>("pool.free", 7L)),
                Seed.HealthCheck("database", "degraded", minutesAgo: 2),
                Seed.HealthCheck("disk", "healthy", service: "billing", minutesAgo: 1),
            ],
            HealthResults = [Seed.Probe("shop-home", HealthStatus.Unhealthy, HealthStatus.Unhealthy, minutesAgo: 1, description: "503 Service Unavailable")],
        });
        return server;
    }

    [Fact]
    public async Task GetHealth_ChecksAndProbes_WorstStatusAndEveryStateInLowercase()
    {
        await using var server = await StartWithHealthAsync();

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/health", UriKind.Relative)).DefaultTimeout());

        var root = json.RootElement;
        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        var items = root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("latest")).ToList();
        Assert.Equal(["check/billing/disk", "check/orders/database", "probe/vigil/shop-home"], items.Select(i => $"{i.GetProperty("kind").GetString()}/{i.GetProperty("serviceName").GetString()}/{i.GetProperty("name").GetString()}"));
        var database = items[1];
        Assert.Equal("degraded", database.GetProperty("status").GetString());
        Assert.Equal("00:00:00.0125000", database.GetProperty("duration").GetString());
        Assert.Equal(Seed.Now.AddMinutes(-2), root.GetProperty("items")[1].GetProperty("since").GetDateTimeOffset());
        var probe = items[2];
        Assert.Equal("503 Service Unavailable", probe.GetProperty("description").GetString());
        Assert.Equal(503, probe.GetProperty("data").GetProperty("http.response.status_code").GetInt64());
    }

    [Theory]
    [InlineData("?kind=probe", "unhealthy", "shop-home")]
    [InlineData("?kind=CHECK&service=orders", "degraded", "database")]
    [InlineData("?service=billing", "healthy", "disk")]
    public async Task GetHealth_Filters_ApplyToItemsAndTheWorstStatus(string filter, string worst, string name)
    {
        await using var server = await StartWithHealthAsync();

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/health" + filter, UriKind.Relative)).DefaultTimeout());

        Assert.Equal(worst, json.RootElement.GetProperty("status").GetString());
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(name, item.GetProperty("latest").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("?service=nobody")]
    [InlineData("?service=%27%20OR%201%3D1%20--")]
    public async Task GetHealth_NothingMatches_HealthyWithNoItems(string filter)
    {
        await using var server = await StartWithHealthAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/health" + filter, UriKind.Relative)).DefaultTimeout();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task GetHealth_ProbeSilentForThreeIntervals_StaleUnhealthyKeepingItsLastStatus()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [Seed.HealthCheck("disk", "healthy", minutesAgo: 5)],
            HealthResults = [Seed.Probe("shop-home", HealthStatus.Healthy, HealthStatus.Healthy, minutesAgo: 2, interval: TimeSpan.FromSeconds(30))],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/health", UriKind.Relative)).DefaultTimeout());

        // The check has no interval (another SDK's, or an old one's): it cannot go stale by the rule.
        var root = json.RootElement;
        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([false, true], items.Select(i => i.GetProperty("stale").GetBoolean()));
        Assert.Equal(["healthy", "unhealthy"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal(["healthy", "healthy"], items.Select(i => i.GetProperty("latest").GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("latest").GetProperty("interval").ValueKind);
        Assert.Equal("00:00:30", items[1].GetProperty("latest").GetProperty("interval").GetString());
    }

    [Theory]
    [InlineData("?staleAfter=10m", "healthy", false, false)]
    [InlineData("?staleAfter=3m", "unhealthy", true, false)]
    [InlineData("?staleAfter=30s", "unhealthy", true, true)]
    [InlineData("?staleAfter=1.5s&kind=probe", "unhealthy", true, null)]
    public async Task GetHealth_StaleAfter_ReplacesTheRuleForEveryState(string query, string worst, bool firstStale, bool? secondStale)
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [Seed.HealthCheck("disk", "healthy", minutesAgo: 5)],
            HealthResults = [Seed.Probe("shop-home", HealthStatus.Healthy, HealthStatus.Healthy, minutesAgo: 2, interval: TimeSpan.FromSeconds(30))],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/health" + query, UriKind.Relative)).DefaultTimeout());

        Assert.Equal(worst, json.RootElement.GetProperty("status").GetString());
        var stale = json.RootElement.GetProperty("items").EnumerateArray().Select(i => (bool?)i.GetProperty("stale").GetBoolean()).ToList();
        Assert.Equal(secondStale is null ? [firstStale] : [firstStale, secondStale], stale);
    }

    [Fact]
    public async Task GetHealthHistory_ChecksAndProbes_EachItsResultsNewestFirstAsWritten()
    {
        await using var server = await StartWithHealthAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            HealthResults = [Seed.Probe("shop-home", HealthStatus.Healthy, HealthStatus.Healthy, minutesAgo: 3), Seed.Probe("shop-home", HealthStatus.Degraded, HealthStatus.Healthy, minutesAgo: 2)],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/health/history", UriKind.Relative)).DefaultTimeout());

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["check/billing/disk", "check/orders/database", "probe/vigil/shop-home"], items.Select(i => $"{i.GetProperty("kind").GetString()}/{i.GetProperty("serviceName").GetString()}/{i.GetProperty("name").GetString()}"));
        var probe = items[2].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([Seed.Now.AddMinutes(-1), Seed.Now.AddMinutes(-2), Seed.Now.AddMinutes(-3)], probe.Select(r => r.GetProperty("timestamp").GetDateTimeOffset()));
        Assert.Equal(["unhealthy", "degraded", "healthy"], probe.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(["unhealthy", "healthy", "healthy"], probe.Select(r => r.GetProperty("observed").GetString()));
        Assert.Equal(["503 Service Unavailable", null, null], probe.Select(r => r.GetProperty("description").GetString()));
        Assert.All(probe, r => Assert.Equal("00:00:00.0400000", r.GetProperty("duration").GetString()));
        var database = items[1].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["degraded", "healthy"], database.Select(r => r.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("?kind=probe&limit=2", "shop-home", 2)]
    [InlineData("?service=orders&name=database&limit=1", "database", 1)]
    [InlineData("?name=shop-home&since=150s", "shop-home", 2)]
    [InlineData("?name=shop-home&until=150s", "shop-home", 1)]
    public async Task GetHealthHistory_FiltersRangeAndLimit_ApplyPerCheck(string filter, string name, int count)
    {
        await using var server = await StartWithHealthAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            HealthResults = [Seed.Probe("shop-home", HealthStatus.Healthy, HealthStatus.Healthy, minutesAgo: 3), Seed.Probe("shop-home", HealthStatus.Degraded, HealthStatus.Healthy, minutesAgo: 2)],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/health/history" + filter, UriKind.Relative)).DefaultTimeout());

        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(name, item.GetProperty("name").GetString());
        Assert.Equal(count, item.GetProperty("results").GetArrayLength());
    }
}
