using System.Net;
using System.Text.Json;
using Vigil.Server.Tests.Prometheus;

namespace Vigil.Server.Tests.Api;

/// <summary>A store engine without error tracking or health: those endpoints answer 501, everything else still works.</summary>
public sealed class UnsupportedTriageTests
{
    [Theory]
    [InlineData("GET", "/api/errors")]
    [InlineData("GET", "/api/errors/1")]
    [InlineData("POST", "/api/errors/1/status")]
    [InlineData("GET", "/api/health")]
    [InlineData("GET", "/api/health/history")]
    public async Task Request_EngineWithoutTheFeature_Returns501ProblemWithTheEnginesWords(string method, string path)
    {
        await using var server = await ReadServer.StartAsync(wrap: store => new NoTriageStore(store));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = ErrorStatusRequestTests.Json("{\"status\":\"resolved\"}");
        }

        using var response = await server.Client.SendAsync(request).DefaultTimeout();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.StartsWith("This engine keeps no", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_EngineWithoutTheFeature_LeavesTheFamiliesOutAndPassesPromtool()
    {
        await using var server = await ReadServer.StartAsync(wrap: store => new NoTriageStore(store));

        using var response = await server.Client.GetAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.Contains("vigil_ingest_records_received_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vigil_health_status", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vigil_error_groups", text, StringComparison.Ordinal);
    }
}
