using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

/// <summary><c>GET /api/trace-ids?prefix=</c>: how a client takes a short trace id (as log lines show) for the whole one.</summary>
public sealed class TraceIdsApiTests
{
    [Fact]
    public async Task GetTraceIds_Prefix_MatchingIdsAscending()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                Seed.Span("POST /orders", "00f067aa0ba902b7", null, TimeSpan.FromMilliseconds(30)) with { TraceId = "c209b688bbbb00000000000000000002" },
                Seed.Span("POST /orders", "00f067aa0ba902b8", null, TimeSpan.FromMilliseconds(30)) with { TraceId = "c209b688aaaa00000000000000000001" },
                Seed.Span("POST /orders", "00f067aa0ba902b9", null, TimeSpan.FromMilliseconds(30)) with { TraceId = "c20a0000000000000000000000000003" },
            ],
        });

        using var both = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/trace-ids?prefix=C209B688", UriKind.Relative)).DefaultTimeout());
        using var first = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/trace-ids?prefix=c209&limit=1", UriKind.Relative)).DefaultTimeout());
        using var none = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/trace-ids?prefix=dead", UriKind.Relative)).DefaultTimeout());

        Assert.Equal(["c209b688aaaa00000000000000000001", "c209b688bbbb00000000000000000002"], both.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("c209b688aaaa00000000000000000001", Assert.Single(first.RootElement.GetProperty("items").EnumerateArray()).GetString());
        Assert.Equal(0, none.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/trace-ids")]
    [InlineData("/api/trace-ids?prefix=c20")]
    [InlineData("/api/trace-ids?prefix=c20g")]
    [InlineData("/api/trace-ids?prefix=c209&limit=0")]
    [InlineData("/api/trace-ids?prefix=c209&since=1h")]
    public async Task GetTraceIds_BadParameter_400Problem(string path)
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
