using System.Net;
using System.Net.Http.Headers;

namespace Vigil.Server.Tests.Api;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task Get_KeyConfiguredButMissingOrWrong_Returns401Problem()
    {
        await using var server = await ReadServer.StartAsync(apiKey: "s3cret");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/metrics");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "guess");

        using var missing = await server.Client.GetAsync(new Uri("/api/logs", UriKind.Relative)).DefaultTimeout();
        using var guessed = await server.Client.SendAsync(wrong).DefaultTimeout();

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
    }

    [Fact]
    public async Task Get_KeyAsBearerOrHeader_IsServedAndHealthStaysOpen()
    {
        await using var server = await ReadServer.StartAsync(apiKey: "s3cret");
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/metrics");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/logs");
        header.Headers.Add("x-api-key", "s3cret");

        using var byBearer = await server.Client.SendAsync(bearer).DefaultTimeout();
        using var byHeader = await server.Client.SendAsync(header).DefaultTimeout();
        using var health = await server.Client.GetAsync(new Uri("/health/live", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, byBearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
