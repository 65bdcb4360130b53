using Vigil.Model;
using Vigil.Server.Tests.Api;

namespace Vigil.Server.Tests.Prometheus;

/// <summary><c>vigil_health_status</c> and <c>vigil_error_groups</c> in the scrape, checked by promtool.</summary>
public sealed class TriageMetricsTests
{
    [Fact]
    public async Task GetMetrics_HealthChecksAndProbes_OneGaugeSampleEachPassingPromtool()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Seed.HealthCheck("database", "degraded"),
                Seed.HealthCheck("odd \"name\"\\\n", "healthy", service: "billing"),
            ],
            HealthResults = [Seed.Probe("shop-home", HealthStatus.Unhealthy, HealthStatus.Unhealthy)],
        });

        var text = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.Contains("# TYPE vigil_health_status gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_health_status{kind=\"check\",name=\"database\",service_name=\"orders\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_health_status{kind=\"check\",name=\"odd \\\"name\\\"\\\\\\n\",service_name=\"billing\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_health_status{kind=\"probe\",name=\"shop-home\",service_name=\"vigil\"} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_StaleProbeLastHealthy_IsUnhealthyAndTheHelpSaysWhy()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            HealthResults =
            [
                Seed.Probe("shop-home", HealthStatus.Healthy, HealthStatus.Healthy, minutesAgo: 2, interval: TimeSpan.FromSeconds(30)),
                Seed.Probe("api", HealthStatus.Healthy, HealthStatus.Healthy, minutesAgo: 2, interval: TimeSpan.FromMinutes(1)),
            ],
        });

        var text = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.Contains("vigil_health_status{kind=\"probe\",name=\"shop-home\",service_name=\"vigil\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_health_status{kind=\"probe\",name=\"api\",service_name=\"vigil\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP vigil_health_status Status of each health check and probe: 0 healthy, 1 degraded, 2 unhealthy (also when stale: no result for 3 of its intervals).\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_OpenMetricsWithHealth_PassesPromtoolAndEndsWithEof()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { HealthResults = [Seed.Probe("shop-home", HealthStatus.Healthy, HealthStatus.Degraded)] });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("Accept", "application/openmetrics-text;version=1.0.0");

        using var response = await server.Client.SendAsync(request).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();

        // The status after thresholds, not the single attempt's.
        Assert.Contains("vigil_health_status{kind=\"probe\",name=\"shop-home\",service_name=\"vigil\"} 0\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n# EOF\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_ErrorGroups_CountedByStatusAndSeverityWithZerosPassingPromtool()
    {
        await using var server = await ErrorsApiTests.StartWithErrorsAsync();
        var orders = Assert.Single(await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery { ServiceName = "orders" }).DefaultTimeout());
        await server.Store.UpdateErrorGroupStatusAsync(orders.Id, new ErrorStatusChange { Status = ErrorGroupStatus.Ignored }).DefaultTimeout();

        var text = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.Contains("# TYPE vigil_error_groups gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_error_groups{severity=\"medium\",status=\"ignored\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_error_groups{severity=\"high\",status=\"unresolved\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_error_groups{severity=\"critical\",status=\"resolved\"} 0\n", text, StringComparison.Ordinal);
        Assert.Equal(12, text.Split('\n').Count(line => line.StartsWith("vigil_error_groups{", StringComparison.Ordinal)));
    }
}
