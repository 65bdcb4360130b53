using System.Net;
using System.Text.Json;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Hosting;

/// <summary>Both halves of the server at once: OTLP in on one port, the query API, /metrics and health out of another.</summary>
public sealed class ServerRoundTripTests
{
    [Fact]
    public async Task PostLogs_ThenQueryPort_ServesThemWithIngestFiguresAndReadiness()
    {
        await using var server = await TestServer.StartAsync();
        var otlp = server.CreateHttpClient();
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        using var posted = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(Some.Log("round trip through the server")))).DefaultTimeout();
        var logs = await query.GetStringAsync("/api/logs").DefaultTimeout();
        var metrics = await query.GetStringAsync("/metrics").DefaultTimeout();
        using var ready = await query.GetAsync("/health/ready").DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var items = JsonDocument.Parse(logs).RootElement.GetProperty("items");
        Assert.Equal("round trip through the server", Assert.Single(items.EnumerateArray()).GetProperty("body").GetString());
        Assert.Contains("vigil_ingest", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
