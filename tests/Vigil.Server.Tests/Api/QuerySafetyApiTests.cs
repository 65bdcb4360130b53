using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Api;

/// <summary>Queries that would run away are refused, stopped at the timeout, or stopped when the server stops.</summary>
public sealed class QuerySafetyApiTests
{
    [Fact]
    public async Task GetLogs_PastTheQueryTimeout_Answers503SayingTheQueryTookTooLong()
    {
        // Arrange: both words are in every body, the phrase in none, so every match is read; one tick has passed
        // at SQLite's first check.
        await using var server = await ReadServer.StartAsync(queryTimeout: TimeSpan.FromTicks(1));
        await server.WriteAsync(new TelemetryBatch { Logs = [.. Enumerable.Range(0, 20_000).Select(i => Seed.Log($"order {i} placed"))] });

        // Act
        using var response = await server.Client.GetAsync(new Uri("/api/logs?grep=order%20placed", UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal("Query took too long", problem.RootElement.GetProperty("title").GetString());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith("the query took longer than 0 s, the store's query timeout, and was stopped", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Store.Location, detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%25", "%")]
    [InlineData("!!!", "!!!")]
    [InlineData("%F0%9F%94%A5", "\U0001F525")]
    public async Task GetLogs_GrepWithoutLetterOrDigit_Answers400SayingWhy(string grep, string text)
    {
        // Arrange
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { Logs = [Seed.Log("100% done")] });

        // Act
        using var response = await server.Client.GetAsync(new Uri("/api/logs?grep=" + grep, UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(
            $"the search text '{text}' has no letter or digit, so no index can serve it and it would read every log record; search for a word, or add a trace or where filter",
            problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetLogs_ServerStoppingWithAQueryInFlight_StopsTheQueryAndAnswers503()
    {
        // Arrange: the real server, its log queries running until their token is cancelled.
        await using var server = await TestServer.StartAsync();

        // The store's status is measured at start, with a log query of its own (retention's last run): past it, the held query is the request's.
        var sampler = server.App.Services.GetRequiredService<Vigil.Server.Usage.StoreStatusSampler>();
        await Eventually.TrueAsync(() => sampler.Latest is not null, "the store's first status measurement");
        var started = server.Store.HoldLogQueries();
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        var request = client.GetAsync(new Uri("/api/logs", UriKind.Relative));
        await started.DefaultTimeout();

        // Act
        server.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        using var response = await request.DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal("Server stopping", problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetErrors_List_CarriesNoStackTracesAndTheGroupByIdDoes()
    {
        // Arrange
        await using var server = await ErrorsApiTests.StartWithErrorsAsync();

        // Act
        var items = await ErrorsApiTests.ListAsync(server, "");
        var id = items[0].GetProperty("id").GetInt64();
        using var detail = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/errors/{id}", UriKind.Relative)).DefaultTimeout());

        // Assert
        Assert.All(items, item => Assert.True(!item.TryGetProperty("stackTrace", out var stack) || stack.ValueKind == JsonValueKind.Null));
        Assert.Contains("at ", detail.RootElement.GetProperty("group").GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
    }
}
