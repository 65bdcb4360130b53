using System.Net;
using System.Text.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Serving;

public sealed class LogTailApiTests
{
    [Theory]
    [InlineData("/api/logs/tail?limit=0", "limit")]
    [InlineData("/api/logs/tail?level=loud", "level")]
    [InlineData("/api/logs/tail?nope=1", "nope")]
    [InlineData("/api/logs/tail?after=-5", "after")]
    [InlineData("/api/logs/tail?trace=xyz", "trace")]
    [InlineData("/api/logs/tail?before=10", "before")]
    public async Task Tail_BadParameter_Gets400NamingItBeforeAnyStream(string path, string parameter)
    {
        await using var server = await DashboardServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(parameter, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1", string.Join(",", response.Headers.GetValues("Vigil-Api-Version")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    public async Task Tail_MalformedLastEventId_Gets400(string lastEventId)
    {
        await using var server = await DashboardServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/logs/tail");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);

        using var response = await server.Client.SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Tail_RecordsWrittenAfterItOpened_ArriveAsOneLogsEventWithTheirSequenceAsItsId()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { Logs = [Some.Log("old", DateTimeOffset.UtcNow.AddSeconds(-5))] });
        using var response = await server.Client.GetAsync(new Uri("/api/logs/tail?service=orders", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).DefaultTimeout();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync().DefaultTimeout());

        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [Some.Log("elsewhere", DateTimeOffset.UtcNow, service: "billing"), Some.Log("new one", DateTimeOffset.UtcNow), Some.Log("new two", DateTimeOffset.UtcNow)],
        });
        // Events until the first "logs" one (a "ready" event comes first, naming where the tail starts).
        var lines = new List<string>();
        while (await reader.ReadLineAsync().DefaultTimeout() is { } line && !(line.Length == 0 && lines.Contains("event: logs")))
        {
            lines.Add(line);
        }

        var page = JsonSerializer.Deserialize(lines.Skip(lines.IndexOf("event: logs") + 1).First(l => l.StartsWith("data:", StringComparison.Ordinal))[5..].Trim(), ApiJson.TypeInfo<ApiPage<ApiLogRecord>>())!;
        var stored = await server.Store.QueryLogsAsync(new LogQuery { ServiceName = "orders", Text = "new" });
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("event: logs", lines);
        Assert.Equal(stored.Select(r => r.Sequence), page.Items.Select(r => r.Sequence));
        Assert.Contains($"id: {stored[^1].Sequence}", lines);
    }
}
