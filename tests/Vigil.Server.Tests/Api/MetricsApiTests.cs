using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

public sealed class MetricsApiTests
{
    [Fact]
    public async Task GetMetrics_ListsEveryMetricWithCamelCaseKind()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { MetricPoints = [Seed.Gauge("queue.depth", 4, Seed.Now.AddMinutes(-1)), Seed.Counter("orders.placed", 5, Seed.Now.AddMinutes(-1))] });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/metrics", UriKind.Relative)).DefaultTimeout());

        var names = json.RootElement.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["orders.placed", "queue.depth"], names);
        Assert.Equal(["sum", "gauge"], json.RootElement.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task GetMetric_GroupedByAttribute_ReturnsSeriesBuckets()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            MetricPoints =
            [
                Seed.Counter("orders.placed", 2, Seed.Now.AddMinutes(-20), new KeyValuePair<string, object?>("tenant", "acme")),
                Seed.Counter("orders.placed", 7, Seed.Now.AddMinutes(-10), new KeyValuePair<string, object?>("tenant", "acme")),
                Seed.Counter("orders.placed", 1, Seed.Now.AddMinutes(-10), new KeyValuePair<string, object?>("tenant", "globex")),
            ],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/metrics/orders.placed?since=1h&step=30m&by=tenant&service=orders&where=tenant%3Dacme", UriKind.Relative)).DefaultTimeout());

        Assert.Equal("sum", json.RootElement.GetProperty("kind").GetString());
        var series = Assert.Single(json.RootElement.GetProperty("series").EnumerateArray());
        Assert.Equal("acme", series.GetProperty("labels").GetProperty("tenant").GetString());
        Assert.Equal(7, series.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("increase").GetDouble()));
    }

    [Fact]
    public async Task GetMetric_SqlLikeName_IsOnlyANameThatIsNotThere()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { MetricPoints = [Seed.Gauge("queue.depth", 4, Seed.Now.AddMinutes(-1))] });

        using var response = await server.Client.GetAsync(new Uri("/api/metrics/" + Uri.EscapeDataString("queue.depth' OR '1'='1"), UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetMetric_Unknown_Returns404Problem()
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/metrics/no.such.metric", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
