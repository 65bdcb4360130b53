using System.Net.Http.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Serving;

/// <summary><c>GET /api/overview</c>: each figure checked against the spans, error groups and health records behind it.</summary>
public sealed class OverviewApiTests
{
    [Fact]
    public async Task Overview_PerService_GivesWhatTheSpansGroupsAndChecksSay()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(3);
        string[] services = ["orders", "billing", "inventory"];
        // 3,000 spans (more than the 1,000 traces the page used to sample): server spans and their children, every
        // status; some outside the hour.
        var spans = Enumerable.Range(1, 3000).Select(i => Some.Span(
            Some.TraceId(i),
            Some.SpanId(i),
            i % 5 == 0 ? Some.SpanId(i - 1) : null,
            "GET /x",
            services[i % 3],
            now.AddMinutes(-random.Next(0, 70)),
            TimeSpan.FromMilliseconds(random.Next(1, 2000)),
            i % 7 == 0 ? SpanStatusCode.Error : SpanStatusCode.Unset)).ToList();
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = spans,
            Logs =
            [
                Some.ExceptionLog("System.InvalidOperationException", "order has no lines", now.AddMinutes(-3)),
                Some.ExceptionLog("System.TimeoutException", "database timed out", now.AddMinutes(-2)),
                Some.ExceptionLog("System.TimeoutException", "the bank did not answer", now.AddMinutes(-2), "billing"),
            ],
            HealthResults =
            [
                new HealthResult { Name = "database", Kind = HealthSourceKind.Check, ServiceName = "orders", Status = HealthStatus.Healthy, Observed = HealthStatus.Healthy, Timestamp = now.AddSeconds(-20), Duration = TimeSpan.FromMilliseconds(4) },
                new HealthResult { Name = "queue", Kind = HealthSourceKind.Check, ServiceName = "orders", Status = HealthStatus.Degraded, Observed = HealthStatus.Degraded, Timestamp = now.AddSeconds(-10), Duration = TimeSpan.FromMilliseconds(4) },
            ],
        });

        var overview = await server.Client.GetFromJsonAsync("/api/overview?since=1h", ApiJson.TypeInfo<ApiOverview>()).DefaultTimeout();

        // The second source: the spans sent, by the endpoint's definition (server spans that started in [from, to)).
        Assert.NotNull(overview);
        Assert.Equal(services.Order(StringComparer.Ordinal), overview.Services.Select(s => s.ServiceName));
        foreach (var service in overview.Services)
        {
            var mine = spans.Where(s => s.Resource.ServiceName == service.ServiceName && s.Kind == SpanKind.Server && s.StartTime >= overview.From && s.StartTime < overview.To).ToList();
            var durations = mine.Select(s => s.Duration).Order().ToList();
            Assert.True(mine.Count > 500, "enough spans per service to mean something");
            Assert.Equal(mine.Count, service.Requests);
            Assert.Equal(mine.Count / (overview.To - overview.From).TotalSeconds, service.RequestRate, 9);
            Assert.Equal(mine.Count(s => s.StatusCode == SpanStatusCode.Error), service.FailedRequests);
            Assert.Equal((double)service.FailedRequests / mine.Count, service.ErrorRate!.Value, 12);
            Assert.Equal(durations[(int)Math.Ceiling(0.95 * durations.Count) - 1], service.P95);
            Assert.Equal(0, service.FiringAlerts);
        }

        var orders = overview.Services.Single(s => s.ServiceName == "orders");
        var groups = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery { ServiceName = "orders", Status = ErrorGroupStatus.Unresolved }).DefaultTimeout();
        Assert.Equal(2, groups.Count);
        Assert.Equal(groups.Count, orders.OpenErrorGroups);
        Assert.Equal(1, overview.Services.Single(s => s.ServiceName == "billing").OpenErrorGroups);
        Assert.Equal(ApiHealthStatus.Degraded, orders.Health);
        Assert.Null(overview.Services.Single(s => s.ServiceName == "billing").Health);
        Assert.Equal(TimeSpan.FromHours(1), overview.To - overview.From);
    }

    [Fact]
    public async Task Overview_EmptyStore_HasNoServices()
    {
        await using var server = await DashboardServer.StartAsync();

        var overview = await server.Client.GetFromJsonAsync("/api/overview", ApiJson.TypeInfo<ApiOverview>()).DefaultTimeout();

        Assert.NotNull(overview);
        Assert.Empty(overview.Services);
    }

    [Theory]
    [InlineData("/api/overview?since=yesterday", "since")]
    [InlineData("/api/overview?since=1h&since=2h", "since")]
    [InlineData("/api/overview?until=2026-13-01T00:00:00Z", "until")]
    [InlineData("/api/overview?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z", "since")]
    [InlineData("/api/overview?service=orders", "service")]
    [InlineData("/api/overview?since=%00", "since")]
    public async Task Overview_BadParameter_Gets400NamingIt(string path, string parameter)
    {
        await using var server = await DashboardServer.StartAsync();

        await Problems.AssertBadParameterAsync(server, path, parameter);
    }
}
