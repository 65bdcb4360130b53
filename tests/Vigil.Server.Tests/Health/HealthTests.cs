using System.Net;
using System.Text.Json;
using Vigil.Server.Tests.Api;

namespace Vigil.Server.Tests.Health;

public sealed class HealthTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_StoreAnswers_PassesAsHealthJson(string path)
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/health+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal("pass", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task GetReady_StoreClosed_FailsWith503()
    {
        await using var server = await ReadServer.StartAsync();
        await server.Store.DisposeAsync();

        using var ready = await server.Client.GetAsync(new Uri("/health/ready", UriKind.Relative)).DefaultTimeout();
        using var live = await server.Client.GetAsync(new Uri("/health/live", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal("fail", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
