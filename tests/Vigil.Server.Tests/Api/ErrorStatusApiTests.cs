using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

/// <summary><c>POST /api/errors/{id}/status</c> changes the group in the store and answers with it.</summary>
public sealed class ErrorStatusApiTests
{
    [Fact]
    public async Task PostStatus_ResolveInNextRelease_200WithTheGroupAndStoredInTheFile()
    {
        await using var server = await ErrorsApiTests.StartWithErrorsAsync();
        var id = await OrdersGroupIdAsync(server);

        using var json = await PostAsync(server, id, "{\"status\":\"resolved\",\"inNextRelease\":true}", "application/json; charset=utf-8");
        var stored = await server.Store.GetErrorGroupAsync(id, 1, 0).DefaultTimeout();

        Assert.Equal("resolved", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("resolvedInNextRelease").GetBoolean());
        Assert.Equal(ErrorGroupStatus.Resolved, stored!.Group.Status);
        Assert.True(stored.Group.ResolvedInNextRelease);
        Assert.Equal("System.InvalidOperationException", Assert.Single(await ErrorsApiTests.ListAsync(server, "?status=resolved")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task PostStatus_IgnoreForEventsAndUntil_SetsBothLimits()
    {
        await using var server = await ErrorsApiTests.StartWithErrorsAsync();
        var id = await OrdersGroupIdAsync(server);

        using var json = await PostAsync(server, id, "{\"status\":\"IGNORED\",\"ignoreForEvents\":5,\"ignoreUntil\":\"2026-12-01T00:00:00+01:00\",\"inNextRelease\":null}");

        Assert.Equal("ignored", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(2 + 5, json.RootElement.GetProperty("ignoredUntilCount").GetInt64());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), json.RootElement.GetProperty("ignoredUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task PostStatus_ReopenAfterResolve_Unresolved()
    {
        await using var server = await ErrorsApiTests.StartWithErrorsAsync();
        var id = await OrdersGroupIdAsync(server);
        (await PostAsync(server, id, "{\"status\":\"resolved\"}")).Dispose();

        using var json = await PostAsync(server, id, "{\"status\":\"unresolved\"}");

        Assert.Equal("unresolved", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("isRegression").GetBoolean());
    }

    private static async Task<long> OrdersGroupIdAsync(ReadServer server) =>
        (await ErrorsApiTests.ListAsync(server, "?service=orders"))[0].GetProperty("id").GetInt64();

    private static async Task<JsonDocument> PostAsync(ReadServer server, long id, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await server.Client.PostAsync(new Uri($"/api/errors/{id}/status", UriKind.Relative), content).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
