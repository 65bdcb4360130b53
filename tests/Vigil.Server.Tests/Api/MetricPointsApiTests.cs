using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

public sealed class MetricPointsApiTests
{
    [Fact]
    public async Task GetMetricPoints_Filter_ReturnsEachMatchingSeriesNewestPointWhole()
    {
        // Arrange: two points per series, the older written last.
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            MetricPoints =
            [
                Seed.Counter("orders.placed", 9, Seed.Now.AddMinutes(-1), new KeyValuePair<string, object?>("tenant", "acme")),
                Seed.Histogram("orders.duration", 6, [1, 2, 3, 0], Seed.Now.AddMinutes(-2)),
                Seed.Gauge("queue.depth", 4, Seed.Now.AddMinutes(-1)),
            ],
        });
        await server.WriteAsync(new TelemetryBatch
        {
            MetricPoints =
            [
                Seed.Counter("orders.placed", 5, Seed.Now.AddMinutes(-3), new KeyValuePair<string, object?>("tenant", "acme")),
                Seed.Histogram("orders.duration", 2, [2, 0, 0, 0], Seed.Now.AddMinutes(-4)),
            ],
        });

        // Act
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/metric-points?filter=orders.*&limit=10", UriKind.Relative)).DefaultTimeout());

        // Assert: the points written at -2m and -1m, by name, with the contract's spellings.
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["orders.duration", "orders.placed"], items.Select(i => i.GetProperty("name").GetString()));
        var histogram = items[0];
        Assert.Equal("histogram", histogram.GetProperty("kind").GetString());
        Assert.Equal("delta", histogram.GetProperty("temporality").GetString());
        Assert.Equal(Seed.Now.AddMinutes(-2), histogram.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(6, histogram.GetProperty("histogram").GetProperty("count").GetInt64());
        Assert.Equal(300, histogram.GetProperty("histogram").GetProperty("sum").GetDouble());
        Assert.Equal([10.0, 100, 1000], histogram.GetProperty("histogram").GetProperty("explicitBounds").EnumerateArray().Select(b => b.GetDouble()));
        Assert.Equal([1L, 2, 3, 0], histogram.GetProperty("histogram").GetProperty("bucketCounts").EnumerateArray().Select(b => b.GetInt64()));
        var counter = items[1];
        Assert.Equal("sum", counter.GetProperty("kind").GetString());
        Assert.True(counter.GetProperty("monotonic").GetBoolean());
        Assert.Equal("cumulative", counter.GetProperty("temporality").GetString());
        Assert.Equal(9, counter.GetProperty("value").GetDouble());
        Assert.Equal("acme", counter.GetProperty("attributes").GetProperty("tenant").GetString());
        Assert.Equal("orders", counter.GetProperty("resource").GetProperty("serviceName").GetString());
        Assert.Equal(JsonValueKind.Null, counter.GetProperty("histogram").ValueKind);
    }

    [Fact]
    public async Task GetMetricPoints_NoParameters_ReturnsEverySeries()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { MetricPoints = [Seed.Gauge("queue.depth", 4, Seed.Now.AddMinutes(-1)), Seed.Gauge("queue.depth", 2, Seed.Now.AddMinutes(-1), service: "billing")] });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/metric-points", UriKind.Relative)).DefaultTimeout());

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal([("billing", 2.0), ("orders", 4.0)], items.Select(i => (i.GetProperty("resource").GetProperty("serviceName").GetString()!, i.GetProperty("value").GetDouble())).Order());
    }
}
