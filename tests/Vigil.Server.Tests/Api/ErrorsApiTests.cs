using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

public sealed class ErrorsApiTests
{
    internal static async Task<ReadServer> StartWithErrorsAsync()
    {
        var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Seed.ExceptionLog("System.InvalidOperationException", "order 42 has no lines", Seed.OrderStack, minutesAgo: 10, traceId: Seed.TraceId),
                Seed.ExceptionLog("Microsoft.Data.SqlClient.SqlException", "Timeout expired", Seed.DatabaseStack, service: "billing", minutesAgo: 5),
                Seed.ExceptionLog("System.InvalidOperationException", "order 7 has no lines", Seed.OrderStack, release: "1.1.0", minutesAgo: 1),
            ],
        });
        return server;
    }

    [Fact]
    public async Task GetErrors_NoFilter_NewestActivityFirstWithLowercaseEnums()
    {
        await using var server = await StartWithErrorsAsync();

        var items = await ListAsync(server, "");

        Assert.Equal(["System.InvalidOperationException", "Microsoft.Data.SqlClient.SqlException"], items.Select(i => i.GetProperty("type").GetString()));
        var orders = items[0];
        Assert.Equal(2, orders.GetProperty("count").GetInt64());
        Assert.Equal("order 42 has no lines", orders.GetProperty("message").GetString());
        Assert.Equal(["1.0.0", "1.1.0"], orders.GetProperty("releases").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["orders"], orders.GetProperty("services").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Seed.Now.AddMinutes(-10), orders.GetProperty("firstSeen").GetDateTimeOffset());
        Assert.Equal(Seed.Now.AddMinutes(-1), orders.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal("unresolved", orders.GetProperty("status").GetString());
        Assert.Equal("medium", orders.GetProperty("severity").GetString());
        Assert.Equal("high", items[1].GetProperty("severity").GetString());
        Assert.Equal("stackTrace", orders.GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("?service=billing", "Microsoft.Data.SqlClient.SqlException")]
    [InlineData("?severity=high", "Microsoft.Data.SqlClient.SqlException")]
    [InlineData("?severity=CRITICAL", "")]
    [InlineData("?since=3m", "System.InvalidOperationException")]
    [InlineData("?until=2026-11-23T11:52:00Z", "System.InvalidOperationException")]
    [InlineData("?since=2026-11-23T11:59:30Z", "")]
    [InlineData("?limit=1", "System.InvalidOperationException")]
    [InlineData("?status=unresolved&service=orders", "System.InvalidOperationException")]
    [InlineData("?status=resolved", "")]
    [InlineData("?service=%27%20OR%201%3D1%20--", "")]
    public async Task GetErrors_Filter_ReturnsOnlyMatchingGroups(string filter, string types)
    {
        await using var server = await StartWithErrorsAsync();

        var items = await ListAsync(server, filter);

        Assert.Equal(types, string.Join(',', items.Select(i => i.GetProperty("type").GetString())));
    }

    [Fact]
    public async Task GetError_HoursAndEvents_DetailWithOneCountPerHourAndLatestEventsNewestFirst()
    {
        await using var server = await StartWithErrorsAsync();
        var id = (await ListAsync(server, "?service=orders"))[0].GetProperty("id").GetInt64();

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/errors/{id}?hours=6&events=1", UriKind.Relative)).DefaultTimeout());

        var root = json.RootElement;
        Assert.Equal(id, root.GetProperty("group").GetProperty("id").GetInt64());
        Assert.Equal(6, root.GetProperty("hourlyCounts").GetArrayLength());
        var latest = Assert.Single(root.GetProperty("latestEvents").EnumerateArray());
        Assert.Equal("order 7 has no lines", latest.GetProperty("message").GetString());
        Assert.Equal("log", latest.GetProperty("source").GetString());
        Assert.Equal("1.1.0", latest.GetProperty("release").GetString());
        Assert.Contains("OrderService.PlaceAsync", latest.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/errors/999")]
    [InlineData("POST", "/api/errors/999/status")]
    [InlineData("GET", "/api/errors/9223372036854775807")]
    public async Task UnknownGroup_Returns404Problem(string method, string path)
    {
        await using var server = await StartWithErrorsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = ErrorStatusRequestTests.Json("{\"status\":\"resolved\"}");
        }

        using var response = await server.Client.SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static async Task<List<JsonElement>> ListAsync(ReadServer server, string filter)
    {
        using var response = await server.Client.GetAsync(new Uri("/api/errors" + filter, UriKind.Relative)).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("next").ValueKind);
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone())];
    }
}
