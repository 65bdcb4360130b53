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

    [Fact]
    public async Task ErrorsAndHealth_KeyConfiguredButMissing_Return401EvenForTheWrite()
    {
        await using var server = await ReadServer.StartAsync(apiKey: "s3cret");

        using var list = await server.Client.GetAsync(new Uri("/api/errors", UriKind.Relative)).DefaultTimeout();
        using var detail = await server.Client.GetAsync(new Uri("/api/errors/1", UriKind.Relative)).DefaultTimeout();
        using var health = await server.Client.GetAsync(new Uri("/api/health", UriKind.Relative)).DefaultTimeout();
        using var write = await server.Client.PostAsync(new Uri("/api/errors/1/status", UriKind.Relative), ErrorStatusRequestTests.Json("{\"status\":\"resolved\"}")).DefaultTimeout();

        // Even an invalid body is not looked at without the key: the caller learns nothing about the API.
        using var invalid = await server.Client.PostAsync(new Uri("/api/errors/1/status", UriKind.Relative), ErrorStatusRequestTests.Json("{}")).DefaultTimeout();

        Assert.All([list, detail, health, write, invalid], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("Bearer", Assert.Single(write.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task PostStatus_WithKey_ReachesTheBodyCheck()
    {
        await using var server = await ReadServer.StartAsync(apiKey: "s3cret");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/errors/1/status") { Content = ErrorStatusRequestTests.Json("{}") };
        request.Headers.Add("x-api-key", "s3cret");

        using var response = await server.Client.SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
