using System.Globalization;
using System.Net;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

/// <summary>An application's health check result sent over OTLP, from any SDK, is recorded like the SDK's local store records it.</summary>
public sealed class OtlpHealthCheckTests
{
    [Fact]
    public async Task PostLogs_HealthCheckRecord_RecordedAsCheckOfTheSendingService()
    {
        // Arrange: what a non-.NET SDK would send (OTLP/JSON, event_name and vigil.health.* attributes), a minute ago
        // by the server's real clock (a result a day old is forgotten).
        var time = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);
        const string template = """
            {
              "resourceLogs": [{
                "resource": { "attributes": [{ "key": "service.name", "value": { "stringValue": "billing" } }] },
                "scopeLogs": [{
                  "logRecords": [
                    {
                      "timeUnixNano": "{time}",
                      "eventName": "vigil.health.check",
                      "body": { "stringValue": "replica lag 9s" },
                      "attributes": [
                        { "key": "vigil.health.name", "value": { "stringValue": "postgres" } },
                        { "key": "vigil.health.status", "value": { "stringValue": "degraded" } },
                        { "key": "vigil.health.duration_ms", "value": { "doubleValue": 12.5 } },
                        { "key": "vigil.health.data.lag_seconds", "value": { "intValue": "9" } }
                      ]
                    },
                    {
                      "timeUnixNano": "{time}",
                      "eventName": "vigil.health.check",
                      "body": { "stringValue": "no status: stays a log" },
                      "attributes": [{ "key": "vigil.health.name", "value": { "stringValue": "broken" } }]
                    }
                  ]
                }]
              }]
            }
            """;
        var json = template.Replace("{time}", (time.ToUnixTimeSeconds() * 1_000_000_000).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        // Act
        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Json(json)).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var state = Assert.Single(await server.Store.QueryHealthAsync(new HealthQuery()).DefaultTimeout());
        Assert.Equal((HealthSourceKind.Check, "billing", "postgres", HealthStatus.Degraded), (state.Latest.Kind, state.Latest.ServiceName, state.Latest.Name, state.Latest.Status));
        Assert.Equal("replica lag 9s", state.Latest.Description);
        Assert.Equal(TimeSpan.FromMilliseconds(12.5), state.Latest.Duration);
        Assert.Equal(time, state.Since);
        Assert.Equal([new("lag_seconds", 9L)], state.Latest.Data);
        Assert.Equal(2, (await server.Store.QueryLogsAsync(new LogQuery()).DefaultTimeout()).Count);
    }
}
