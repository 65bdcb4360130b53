using System.Globalization;
using System.Net.Http.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Serving;

/// <summary><c>GET /api/logs?before=</c>, the dashboard's way back through a large store, checked against the records sent.</summary>
public sealed class LogPagingApiTests
{
    [Fact]
    public async Task Logs_BeforeCursorPages_ReturnEveryRecordSentOnceNewestFirst()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(5);
        var sent = new List<string>();
        for (var batch = 0; batch < 8; batch++)
        {
            // Times out of order, and many records sharing one timestamp: what an "until" cursor would skip or repeat.
            var logs = Enumerable.Range(0, 157).Select(i => Some.Log($"record {batch}-{i}", now.AddSeconds(-random.Next(0, 5) * 60), i % 2 == 0 ? "orders" : "billing")).ToList();
            sent.AddRange(logs.Select(l => l.Body!));
            await server.WriteAsync(new TelemetryBatch { Logs = logs });
        }

        var seen = new List<(long Sequence, string Body)>();
        string? cursor = "9223372036854775807";
        for (var pages = 0; cursor is not null && pages < 100; pages++)
        {
            var page = await server.Client.GetFromJsonAsync($"/api/logs?since=1h&limit=100&before={cursor}", ApiJson.TypeInfo<ApiPage<ApiLogRecord>>()).DefaultTimeout();
            Assert.NotNull(page);
            seen.AddRange(page.Items.Select(r => (r.Sequence, r.Body!)).Reverse());
            cursor = page.Next;
            Assert.True(cursor is null || page.Items.Count == 100, "next is null exactly when a page comes back short");
        }

        Assert.Equal(sent.Count, seen.Count);
        Assert.Equal(seen.Count, seen.Select(s => s.Sequence).Distinct().Count());
        Assert.Equal(seen.Select(s => s.Sequence).OrderDescending(), seen.Select(s => s.Sequence));
        Assert.Equal(sent.Order(StringComparer.Ordinal), seen.Select(s => s.Body).Order(StringComparer.Ordinal));
        // The second source: the store read forward from the start, reversed.
        var stored = await server.Store.QueryLogsAsync(new LogQuery { AfterSequence = 0, Limit = 10_000 }).DefaultTimeout();
        Assert.Equal(stored.Select(r => r.Sequence).Reverse(), seen.Select(s => s.Sequence));
    }

    [Fact]
    public async Task Logs_BeforeWithAFilter_PagesOnlyTheMatches()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch { Logs = [.. Enumerable.Range(0, 90).Select(i => Some.Log(i % 3 == 0 ? $"payment declined {i}" : $"order {i} placed", now.AddSeconds(-i), i % 2 == 0 ? "orders" : "billing"))] });

        var first = await server.Client.GetFromJsonAsync("/api/logs?grep=declined&service=orders&limit=4&before=9223372036854775807", ApiJson.TypeInfo<ApiPage<ApiLogRecord>>()).DefaultTimeout();
        var second = await server.Client.GetFromJsonAsync($"/api/logs?grep=declined&service=orders&limit=4&before={first!.Next}", ApiJson.TypeInfo<ApiPage<ApiLogRecord>>()).DefaultTimeout();

        // Newest stored first: within the one batch, the last sent first.
        var expected = Enumerable.Range(0, 90).Where(i => i % 6 == 0).Reverse().Select(i => $"payment declined {i}").ToList();
        Assert.Equal(expected.Take(8), [.. first.Items.Select(r => r.Body).Reverse(), .. second!.Items.Select(r => r.Body).Reverse()]);
        Assert.Equal(first.Items.Min(r => r.Sequence).ToString(CultureInfo.InvariantCulture), first.Next);
    }

    [Theory]
    [InlineData("/api/logs?before=abc", "before")]
    [InlineData("/api/logs?before=-1", "before")]
    [InlineData("/api/logs?before=1.5", "before")]
    [InlineData("/api/logs?before=99999999999999999999999", "before")]
    [InlineData("/api/logs?before=1&before=2", "before")]
    [InlineData("/api/logs?before=5&after=1", "before")]
    public async Task Logs_BadBefore_Gets400NamingIt(string path, string parameter)
    {
        await using var server = await DashboardServer.StartAsync();

        await Problems.AssertBadParameterAsync(server, path, parameter);
    }
}
