using System.Net;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// <c>GET /api/logs/patterns</c> on a real server and store: each count is checked against the records themselves
/// (<c>/api/logs</c> searched for the pattern's literal text), and the limit and the filters hold.
/// </summary>
public sealed class LogPatternsApiTests
{
    [Fact]
    public async Task GetPatterns_MixedRecords_CountsEachPatternAsTheRecordsBehindIt()
    {
        await using var server = await ReadServer.StartAsync();
        var logs = new List<LogEntry>();
        for (var i = 0; i < 30; i++)
        {
            logs.Add(Seed.Log($"order {1000 + i} shipped in {i * 7} ms", minutesAgo: 2));
        }

        for (var i = 0; i < 12; i++)
        {
            logs.Add(Seed.Log($"payment {Guid.NewGuid()} declined", severity: 17, service: "billing", minutesAgo: 1));
        }

        // A template the sender kept wins over the body: these three differ in their text but not their template.
        logs.Add(Seed.Log("cache warm for eu", attributes: [new("{OriginalFormat}", "cache warm for {Region}")]));
        logs.Add(Seed.Log("cache warm for us", attributes: [new("{OriginalFormat}", "cache warm for {Region}")]));
        logs.Add(Seed.Log("cache warm for ap", attributes: [new("log.template", "cache warm for {Region}")]));
        await server.WriteAsync(new TelemetryBatch { Logs = logs });

        using var json = await GetJsonAsync(server, "/api/logs/patterns?since=1h");

        var root = json.RootElement;
        Assert.Equal((45, 5000, true, 3), (root.GetProperty("scanned").GetInt32(), root.GetProperty("limit").GetInt32(), root.GetProperty("complete").GetBoolean(), root.GetProperty("patternCount").GetInt32()));
        var patterns = root.GetProperty("patterns").EnumerateArray().ToList();
        Assert.Equal(
            [("order <n> shipped in <n> ms", 30), ("payment <uuid> declined", 12), ("cache warm for {Region}", 3)],
            patterns.Select(p => (p.GetProperty("pattern").GetString(), p.GetProperty("count").GetInt32())));
        Assert.Equal(["billing"], patterns[1].GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(17, patterns[1].GetProperty("maxSeverityNumber").GetInt32());

        // The second source: the records each pattern's search finds, one by one.
        foreach (var pattern in patterns.Take(2))
        {
            var search = pattern.GetProperty("search").GetString()!;
            using var records = await GetJsonAsync(server, $"/api/logs?since=1h&limit=1000&grep={Uri.EscapeDataString(search)}");
            Assert.Equal(pattern.GetProperty("count").GetInt32(), records.RootElement.GetProperty("items").GetArrayLength());
        }

        Assert.Equal(("shipped in", "declined"), (patterns[0].GetProperty("search").GetString(), patterns[1].GetProperty("search").GetString()));
        var example = patterns[0].GetProperty("example");
        Assert.Equal("order 1029 shipped in 203 ms", example.GetProperty("body").GetString());
    }

    [Fact]
    public async Task GetPatterns_LimitAndFilters_ReadOnlyTheNewestMatchingRecordsAndSaySo()
    {
        await using var server = await ReadServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                .. Enumerable.Range(0, 20).Select(i => Seed.Log($"tick {i}", minutesAgo: 30 - i)),
                .. Enumerable.Range(0, 5).Select(i => Seed.Log($"disk {i} full", severity: 17, service: "storage")),
            ],
        });

        using var limited = await GetJsonAsync(server, "/api/logs/patterns?since=1h&limit=8&patterns=1");
        using var filtered = await GetJsonAsync(server, "/api/logs/patterns?since=1h&service=storage&level=error");

        var root = limited.RootElement;
        Assert.Equal((8, false, 2), (root.GetProperty("scanned").GetInt32(), root.GetProperty("complete").GetBoolean(), root.GetProperty("patternCount").GetInt32()));
        var only = Assert.Single(root.GetProperty("patterns").EnumerateArray());
        // The newest 8 records by arrival (as the logs list orders them): the five disk records and the last three ticks.
        Assert.Equal(("disk <n> full", 5), (only.GetProperty("pattern").GetString(), only.GetProperty("count").GetInt32()));
        var storage = Assert.Single(filtered.RootElement.GetProperty("patterns").EnumerateArray());
        Assert.Equal(5, storage.GetProperty("count").GetInt32());
        Assert.True(filtered.RootElement.GetProperty("complete").GetBoolean());
    }

    [Fact]
    public async Task GetPatterns_HostileBodies_AreGroupedAsTextAndCut()
    {
        await using var server = await ReadServer.StartAsync();
        var huge = string.Concat(Enumerable.Repeat("<script>alert(1)</script> ", 4000));
        await server.WriteAsync(new TelemetryBatch { Logs = [Seed.Log(huge), Seed.Log(huge + "!"), Seed.Log(string.Empty), Seed.Log("x' OR 1=1; --")] });

        using var json = await GetJsonAsync(server, "/api/logs/patterns?since=1h");

        var patterns = json.RootElement.GetProperty("patterns").EnumerateArray().ToList();
        Assert.Equal(3, patterns.Count);
        var cut = patterns[0];
        Assert.Equal(2, cut.GetProperty("count").GetInt32());
        // Made from the body's first 512 characters, kept as text (the dashboard escapes it like every value).
        Assert.Equal(huge[..512], cut.GetProperty("pattern").GetString()!.Replace("<n>", "1", StringComparison.Ordinal));
        Assert.Contains(patterns, p => p.GetProperty("pattern").GetString() == string.Empty && p.GetProperty("count").GetInt32() == 1);
        Assert.Contains(patterns, p => p.GetProperty("pattern").GetString() == "x' OR <n>=<n>; --");
    }

    private static async Task<JsonDocument> GetJsonAsync(ReadServer server, string path)
    {
        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
    }
}
