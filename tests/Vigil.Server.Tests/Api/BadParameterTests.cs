using System.Net;
using System.Text.Json;

namespace Vigil.Server.Tests.Api;

public sealed class BadParameterTests
{
    public static TheoryData<string, string> BadRequests { get; } = new()
    {
        { "/api/logs?limit=abc", "limit" },
        { "/api/logs?limit=0", "limit" },
        { "/api/logs?limit=10001", "limit" },
        { "/api/logs?limit=99999999999999999999", "limit" },
        { "/api/logs?limit=1&limit=2", "limit" },
        { "/api/logs?level=loud", "level" },
        { "/api/logs?level=25", "level" },
        { "/api/logs?since=yesterday", "since" },
        { "/api/logs?until=2026-13-45T00:00:00Z", "until" },
        { "/api/logs?trace=xyz", "trace" },
        { "/api/logs?trace=4bf92f3577b34da6a3ce929d0e0e473%27", "trace" },
        { "/api/logs?where=novalue", "where" },
        { "/api/logs?where=%3Dvalue", "where" },
        { "/api/logs?after=-1", "after" },
        { "/api/logs?grep=" + new string('a', 2 * 1024), "grep" },
        { "/api/logs?service=ord%00ers", "service" },
        { "/api/logs?grep=line%0Abreak", "grep" },
        { "/api/logs?servce=orders", "servce" },
        { "/api/logs/patterns?limit=0", "limit" },
        { "/api/logs/patterns?limit=10001", "limit" },
        { "/api/logs/patterns?patterns=0", "patterns" },
        { "/api/logs/patterns?patterns=1001", "patterns" },
        { "/api/logs/patterns?patterns=many", "patterns" },
        { "/api/logs/patterns?after=5", "after" },
        { "/api/logs/patterns?level=loud", "level" },
        { "/api/logs/patterns?grep=line%0Abreak", "grep" },
        { "/api/traces?minDuration=fast", "minDuration" },
        { "/api/traces?minDuration=0s", "minDuration" },
        { "/api/traces?errors=maybe", "errors" },
        { "/api/traces?root=GET%00%2Forders", "root" },
        { "/api/traces?root=" + new string('r', 1025), "root" },
        { "/api/traces?root=a&root=b", "root" },
        { "/api/traces?limit=-5", "limit" },
        { "/api/traces/not-a-trace-id", "traceId" },
        { "/api/metrics/orders.placed?step=0ms", "step" },
        { "/api/metrics/orders.placed?step=1ms&since=1d", "step" },
        { "/api/metrics/orders.placed?since=1h&until=2h", "since" },
        { "/api/metrics/orders.placed?step=1.00000001s", "step" },
        { "/api/metrics?verbose=1", "verbose" },
        { "/api/metrics/orders%01placed", "name" },
        { "/api/metric-points?filter=", "filter" },
        { "/api/metric-points?filter=shop%0A*", "filter" },
        { "/api/metric-points?filter=" + new string('m', 1025), "filter" },
        { "/api/metric-points?filter=a&filter=b", "filter" },
        { "/api/metric-points?limit=0", "limit" },
        { "/api/metric-points?limit=100001", "limit" },
        { "/api/metric-points?limit=many", "limit" },
        { "/api/metric-points?name=shop.*", "name" },
        { "/api/metrics/" + new string('m', 600), "name" },
        { "/api/metric-exemplars", "name" },
        { "/api/metric-exemplars?name=", "name" },
        { "/api/metric-exemplars?name=a&name=b", "name" },
        { "/api/metric-exemplars?name=orders%0Aplaced", "name" },
        { "/api/metric-exemplars?name=" + new string('m', 600), "name" },
        { "/api/metric-exemplars?name=orders.placed&limit=0", "limit" },
        { "/api/metric-exemplars?name=orders.placed&limit=1001", "limit" },
        { "/api/metric-exemplars?name=orders.placed&limit=many", "limit" },
        { "/api/metric-exemplars?name=orders.placed&since=1h&until=2h", "since" },
        { "/api/metric-exemplars?name=orders.placed&until=2026-02-30T00:00:00Z", "until" },
        { "/api/metric-exemplars?name=orders.placed&service=ord%00ers", "service" },
        { "/api/metric-exemplars?name=orders.placed&step=1m", "step" },
        { "/api/traces/" + Seed.TraceId + "?limit=5", "limit" },
        { "/api/builds?limit=0", "limit" },
        { "/api/builds?limit=501", "limit" },
        { "/api/builds?failed=maybe", "failed" },
        { "/api/builds?task=" + new string('t', 600), "task" },
        { "/api/builds?task=dotnet%0Abuild", "task" },
        { "/api/builds?task=a&task=b", "task" },
        { "/api/builds?since=yesterday", "since" },
        { "/api/builds?until=2026-02-30T00:00:00Z", "until" },
        { "/api/builds?service=vigil-exec", "service" },
        { "/api/builds/not-a-trace-id", "traceId" },
        { "/api/builds/" + Seed.TraceId + "?limit=5", "limit" },
        { "/api/errors?limit=0", "limit" },
        { "/api/errors?limit=10001", "limit" },
        { "/api/errors?limit=99999999999999999999", "limit" },
        { "/api/errors?status=open", "status" },
        { "/api/errors?status=1", "status" },
        { "/api/errors?status=unresolved&status=resolved", "status" },
        { "/api/errors?status=%E2%80%AEresolved", "status" },
        { "/api/errors?status=" + new string('r', 600), "status" },
        { "/api/errors?severity=urgent", "severity" },
        { "/api/errors?severity=3", "severity" },
        { "/api/errors?severity=high%00", "severity" },
        { "/api/errors?since=yesterday", "since" },
        { "/api/errors?until=2026-02-30T00:00:00Z", "until" },
        { "/api/errors?service=ord%0Aers", "service" },
        { "/api/errors?service=%27%20OR%201%3D1%20--&servce=x", "servce" },
        { "/api/errors/abc", "id" },
        { "/api/errors/0", "id" },
        { "/api/errors/-1", "id" },
        { "/api/errors/1.5", "id" },
        { "/api/errors/%2B1", "id" },
        { "/api/errors/99999999999999999999", "id" },
        { "/api/errors/1%27%20OR%201%3D1", "id" },
        { "/api/errors/1?hours=-1", "hours" },
        { "/api/errors/1?hours=2161", "hours" },
        { "/api/errors/1?hours=1h", "hours" },
        { "/api/errors/1?events=-1", "events" },
        { "/api/errors/1?events=1001", "events" },
        { "/api/errors/1?events=99999999999999999999", "events" },
        { "/api/errors/1?verbose=1", "verbose" },
        { "/api/health?kind=daemon", "kind" },
        { "/api/health?kind=0", "kind" },
        { "/api/health?kind=check&kind=probe", "kind" },
        { "/api/health?service=" + new string('s', 600), "service" },
        { "/api/health?stat=1", "stat" },
        { "/api/health?staleAfter=0s", "staleAfter" },
        { "/api/health?staleAfter=-5m", "staleAfter" },
        { "/api/health?staleAfter=5", "staleAfter" },
        { "/api/health?staleAfter=1y", "staleAfter" }, // 1w is in the shared grammar now
        { "/api/health?staleAfter=fresh", "staleAfter" },
        { "/api/health?staleAfter=", "staleAfter" },
        { "/api/health?staleAfter=999999999999d", "staleAfter" },
        { "/api/health?staleAfter=1m&staleAfter=2m", "staleAfter" },
        { "/api/health/history?kind=daemon", "kind" },
        { "/api/health/history?kind=check&kind=probe", "kind" },
        { "/api/health/history?name=" + new string('n', 600), "name" },
        { "/api/health/history?name=da%0Atabase", "name" },
        { "/api/health/history?service=" + new string('s', 600), "service" },
        { "/api/health/history?since=yesterday", "since" },
        { "/api/health/history?until=2026-02-30T00:00:00Z", "until" },
        { "/api/health/history?limit=0", "limit" },
        { "/api/health/history?limit=1001", "limit" },
        { "/api/health/history?limit=60s", "limit" },
        { "/api/health/history?limit=99999999999999999999", "limit" },
        { "/api/health/history?staleAfter=1m", "staleAfter" },
        { "/api/status?since=1h", "since" },
        { "/api/status?signal=logs", "signal" },

        // The default range, an hour before until, would start before 0001-01-01 (a 500 with no body before).
        { "/api/metrics/queue.depth?until=0001-01-01T00:00:00Z", "since" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Get_BadParameter_Returns400ProblemNamingIt(string path, string parameter)
    {
        await using var server = await ReadServer.StartAsync();

        using var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Bad query parameter", json.RootElement.GetProperty("title").GetString());
        Assert.StartsWith(parameter, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLogs_TenKilobyteGrep_IsRefusedBeforeTheStore()
    {
        await using var server = await ReadServer.StartAsync();

        // Kestrel's own 8 KB request-line limit answers before the API sees it.
        using var response = await server.Client.GetAsync(new Uri("/api/logs?grep=" + new string('a', 10 * 1024), UriKind.Relative)).DefaultTimeout();
        using var health = await server.Client.GetAsync(new Uri("/health/live", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
