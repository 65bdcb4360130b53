using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

public sealed class TracesApiTests
{
    [Fact]
    public async Task GetTraces_ErrorsMinDurationAndRoot_ListTheTrace()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = [Seed.Span("POST /orders", "00f067aa0ba902b7", null, TimeSpan.FromMilliseconds(300)), Seed.Span("charge", "00f067aa0ba902b8", "00f067aa0ba902b7", TimeSpan.FromMilliseconds(200), SpanStatusCode.Error)],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/traces?service=orders&since=1h&minDuration=250ms&errors=true&limit=5", UriKind.Relative)).DefaultTimeout());
        using var none = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/traces?minDuration=1s", UriKind.Relative)).DefaultTimeout());
        using var root = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/traces?root=POST%20%2Forders", UriKind.Relative)).DefaultTimeout());
        using var child = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/traces?root=charge", UriKind.Relative)).DefaultTimeout());

        var items = json.RootElement.GetProperty("items");
        Assert.Equal(1, items.GetArrayLength());
        Assert.Equal(Seed.TraceId, items[0].GetProperty("traceId").GetString());
        Assert.True(items[0].GetProperty("hasError").GetBoolean());
        Assert.Equal(0, none.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal(Seed.TraceId, Assert.Single(root.RootElement.GetProperty("items").EnumerateArray()).GetProperty("traceId").GetString());
        Assert.Equal(0, child.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task GetTrace_Known_ReturnsSpansAndLogs()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = [Seed.Span("POST /orders", "00f067aa0ba902b7", null, TimeSpan.FromMilliseconds(300))],
            Logs = [Seed.Log("inside the trace", traceId: Seed.TraceId), Seed.Log("outside")],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/traces/" + Seed.TraceId.ToUpperInvariant(), UriKind.Relative)).DefaultTimeout());

        Assert.Equal(Seed.TraceId, json.RootElement.GetProperty("traceId").GetString());
        Assert.Equal("POST /orders", json.RootElement.GetProperty("spans")[0].GetProperty("name").GetString());
        Assert.Equal("inside the trace", Assert.Single(json.RootElement.GetProperty("logs").EnumerateArray()).GetProperty("body").GetString());
    }

    [Fact]
    public async Task GetTrace_SpanEnums_AreCamelCase()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = [Seed.Span("POST /orders", "00f067aa0ba902b7", null, TimeSpan.FromMilliseconds(300), SpanStatusCode.Error) with { Kind = SpanKind.Server }],
        });

        using var json = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/traces/" + Seed.TraceId, UriKind.Relative)).DefaultTimeout());

        var span = Assert.Single(json.RootElement.GetProperty("spans").EnumerateArray());
        Assert.Equal("server", span.GetProperty("kind").GetString());
        Assert.Equal("error", span.GetProperty("statusCode").GetString());
    }

    [Fact]
    public async Task GetTrace_Unknown_Returns404Problem()
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri("/api/traces/" + Seed.TraceId, UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
