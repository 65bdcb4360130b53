using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

public sealed class MetricExemplarsApiTests
{
    private static MetricExemplar Exemplar(int n, DateTimeOffset at) => new()
    {
        Timestamp = at,
        Value = n * 10,
        TraceId = n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
        SpanId = n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
        FilteredAttributes = [new("user.id", "<script>alert(1)</script>")],
    };

    [Fact]
    public async Task GetMetricExemplars_PointsWithExemplars_NewestFirstWithTheirSpansAndSeries()
    {
        // Arrange: three points in the last hour (one with two exemplars), one before it, one of another metric.
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            MetricPoints =
            [
                Seed.Histogram("orders.duration", 2, [2, 0, 0, 0], Seed.Now.AddMinutes(-30)) with { Exemplars = [Exemplar(1, Seed.Now.AddMinutes(-31)), Exemplar(2, Seed.Now.AddMinutes(-30))] },
                Seed.Histogram("orders.duration", 1, [0, 1, 0, 0], Seed.Now.AddMinutes(-10)) with { Exemplars = [Exemplar(3, Seed.Now.AddMinutes(-10))] },
                Seed.Histogram("orders.duration", 1, [0, 1, 0, 0], Seed.Now.AddHours(-2)) with { Exemplars = [Exemplar(4, Seed.Now.AddHours(-2))] },
                Seed.Gauge("queue.depth", 4, Seed.Now.AddMinutes(-1)) with { Exemplars = [Exemplar(5, Seed.Now.AddMinutes(-1))] },
            ],
        });

        // Act: the default range, the hour before now.
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/metric-exemplars?name=orders.duration", UriKind.Relative)).DefaultTimeout());

        // Assert
        var root = json.RootElement;
        Assert.Equal("orders.duration", root.GetProperty("name").GetString());
        Assert.False(root.GetProperty("truncated").GetBoolean());
        var items = root.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["3", "1", "2"], items.Select(i => i.GetProperty("traceId").GetString()!.TrimStart('0')));
        var first = items[0];
        Assert.Equal(30, first.GetProperty("value").GetDouble());
        Assert.Equal(3.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("spanId").GetString());
        Assert.Equal(Seed.Now.AddMinutes(-10), first.GetProperty("time").GetDateTimeOffset());
        Assert.Equal(Seed.Now.AddMinutes(-10), first.GetProperty("pointTime").GetDateTimeOffset());
        Assert.Equal("<script>alert(1)</script>", first.GetProperty("filteredAttributes").GetProperty("user.id").GetString());
        Assert.Equal(JsonValueKind.Object, first.GetProperty("labels").ValueKind);
    }

    [Fact]
    public async Task GetMetricExemplars_MoreThanLimit_NewestAndTruncated()
    {
        // Arrange
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            MetricPoints = [.. Enumerable.Range(1, 4).Select(i => Seed.Histogram("orders.duration", 1, [1, 0, 0, 0], Seed.Now.AddMinutes(-i)) with { Exemplars = [Exemplar(i, Seed.Now.AddMinutes(-i))] })],
        });

        // Act
        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/metric-exemplars?name=orders.duration&limit=3", UriKind.Relative)).DefaultTimeout());

        // Assert: the three newest, and the answer says the fourth was left out.
        Assert.True(json.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal(["1", "2", "3"], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("traceId").GetString()!.TrimStart('0')));
    }

    [Fact]
    public async Task GetMetricExemplars_UnknownMetric_EmptyList()
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/metric-exemplars?name=nothing.here", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
    }
}
