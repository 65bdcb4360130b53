using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

public sealed class LogsApiTests
{
    [Fact]
    public async Task GetLogs_Filters_ReturnsMatchingRecordsAndNextCursor()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Seed.Log("payment declined for order", severity: 17, attributes: [new("tenant", "acme")]),
                Seed.Log("order placed", attributes: [new("tenant", "acme")]),
                Seed.Log("payment declined elsewhere", severity: 17, service: "billing"),
            ],
        });

        using var response = await server.Client.GetAsync(new Uri("/api/logs?service=orders&level=error&grep=declined&where=tenant%3Dacme&since=15m", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        var items = json.RootElement.GetProperty("items");
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal("payment declined for order", items[0].GetProperty("body").GetString());
        Assert.Equal("acme", items[0].GetProperty("attributes").GetProperty("tenant").GetString());
        Assert.Equal(items[0].GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), json.RootElement.GetProperty("next").GetString());
    }

    [Fact]
    public async Task GetLogs_AfterCursor_ReturnsOnlyLaterRecords()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { Logs = [Seed.Log("one"), Seed.Log("two"), Seed.Log("three")] });

        using var first = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/logs?after=0&limit=2", UriKind.Relative)).DefaultTimeout());
        var next = first.RootElement.GetProperty("next").GetString();
        using var second = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/logs?after={next}&limit=2", UriKind.Relative)).DefaultTimeout());

        Assert.Equal(2, first.RootElement.GetProperty("items").GetArrayLength());
        var rest = second.RootElement.GetProperty("items");
        Assert.Equal(1, rest.GetArrayLength());
        Assert.Equal("three", rest[0].GetProperty("body").GetString());
    }

    [Fact]
    public async Task GetLogs_SqlLikeText_IsOnlyData()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { Logs = [Seed.Log("ordinary record")] });

        var hostile = Uri.EscapeDataString("x' OR 1=1; DROP TABLE logs; --");
        using var response = await server.Client.GetAsync(new Uri($"/api/logs?grep={hostile}&service={hostile}&where={Uri.EscapeDataString("a'=1 OR 1=1")}", UriKind.Relative)).DefaultTimeout();
        using var all = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/logs", UriKind.Relative)).DefaultTimeout());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(0, json.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(1, all.RootElement.GetProperty("items").GetArrayLength());
    }
}
