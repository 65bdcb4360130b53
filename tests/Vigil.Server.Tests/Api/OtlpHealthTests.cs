using System.Globalization;
using System.Net;
using System.Text.Json;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The whole server: a health check result from another language's SDK arrives over OTLP/JSON, is recorded in the
/// store's write, and comes back through the query API.
/// </summary>
public sealed class OtlpHealthTests
{
    private const string PythonHealthCheck = """
        {"resourceLogs":[{
          "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"pricing"}}]},
          "scopeLogs":[{"logRecords":[{
            "timeUnixNano":"{time}","severityNumber":13,"eventName":"vigil.health.check",
            "body":{"stringValue":"redis slow"},
            "attributes":[
              {"key":"vigil.health.name","value":{"stringValue":"redis"}},
              {"key":"vigil.health.status","value":{"stringValue":"degraded"}},
              {"key":"vigil.health.duration_ms","value":{"doubleValue":812.5}},
              {"key":"vigil.health.interval_ms","value":{"intValue":"30000"}},
              {"key":"vigil.health.data.latency_ms","value":{"intValue":"800"}}]
          }]}]
        }]}
        """;

    [Fact]
    public async Task PostLogs_HealthCheckFromAnotherSdk_ServedByApiHealth()
    {
        await using var server = await TestServer.StartAsync();
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        // A second ago by the server's (real) clock: a result a day old would be forgotten, three intervals old stale.
        var time = (DateTimeOffset.UtcNow.AddSeconds(-1) - DateTimeOffset.UnixEpoch).Ticks * 100;
        var body = PythonHealthCheck.Replace("{time}", time.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var ingest = await server.CreateHttpClient().PostAsync("/v1/logs", OtlpHttp.Json(body)).DefaultTimeout();
        using var json = JsonDocument.Parse(await query.GetStringAsync(new Uri("/api/health", UriKind.Relative)).DefaultTimeout());

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal("degraded", json.RootElement.GetProperty("status").GetString());
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.False(item.GetProperty("stale").GetBoolean());
        var latest = item.GetProperty("latest");
        Assert.Equal("redis", latest.GetProperty("name").GetString());
        Assert.Equal("check", latest.GetProperty("kind").GetString());
        Assert.Equal("pricing", latest.GetProperty("serviceName").GetString());
        Assert.Equal("00:00:00.8125000", latest.GetProperty("duration").GetString());
        Assert.Equal("00:00:30", latest.GetProperty("interval").GetString());
        Assert.Equal(800, latest.GetProperty("data").GetProperty("latency_ms").GetInt64());
    }
}
