using Vigil.Model;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>A small shop's worth of every signal, for tests that need each view to have something to show.</summary>
internal static class SampleData
{
    /// <summary>A faster "POST /orders" trace than the one WriteAsync returns, for the compare view.</summary>
    public static readonly string FastTraceId = Some.TraceId(0xfa57);

    /// <returns>A trace id with four spans over three services, and an error group id.</returns>
    public static async Task<(string TraceId, long GroupId)> WriteAsync(DashboardServer server)
    {
        var now = DateTimeOffset.UtcNow;
        var trace = Some.TraceId(0xfeed);
        var start = now.AddMinutes(-4);
        var services = new[] { "orders", "billing", "inventory" };
        await server.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                Some.Span(trace, Some.SpanId(1), null, "POST /orders", "orders", start, TimeSpan.FromMilliseconds(320)),
                Some.Span(trace, Some.SpanId(2), Some.SpanId(1), "reserve stock", "inventory", start.AddMilliseconds(12), TimeSpan.FromMilliseconds(90)),
                Some.Span(trace, Some.SpanId(3), Some.SpanId(2), "SELECT stock", "inventory", start.AddMilliseconds(20), TimeSpan.FromMilliseconds(45)),
                Some.Span(trace, Some.SpanId(4), Some.SpanId(1), "charge card", "billing", start.AddMilliseconds(110), TimeSpan.FromMilliseconds(180), SpanStatusCode.Error),
                Some.Span(FastTraceId, Some.SpanId(1), null, "POST /orders", "orders", start.AddSeconds(20), TimeSpan.FromMilliseconds(140)),
                Some.Span(FastTraceId, Some.SpanId(2), Some.SpanId(1), "reserve stock", "inventory", start.AddSeconds(20).AddMilliseconds(10), TimeSpan.FromMilliseconds(35)),
                Some.Span(FastTraceId, Some.SpanId(3), Some.SpanId(2), "SELECT stock", "inventory", start.AddSeconds(20).AddMilliseconds(15), TimeSpan.FromMilliseconds(20)),
                Some.Span(FastTraceId, Some.SpanId(4), Some.SpanId(1), "charge card", "billing", start.AddSeconds(20).AddMilliseconds(50), TimeSpan.FromMilliseconds(70)),
                Some.Span(FastTraceId, Some.SpanId(5), Some.SpanId(1), "read cache", "orders", start.AddSeconds(20).AddMilliseconds(125), TimeSpan.FromMilliseconds(8)),
                .. Enumerable.Range(10, 40).Select(i => Some.Span(Some.TraceId(i), Some.SpanId(i), null, i % 2 == 0 ? "GET /orders/{id}" : "POST /charge", services[i % 3], now.AddSeconds(-30 * i), TimeSpan.FromMilliseconds(5 + (i * 7 % 240)), i % 9 == 0 ? SpanStatusCode.Error : SpanStatusCode.Unset)),
            ],
            Logs =
            [
                .. Enumerable.Range(0, 60).Select(i => Some.Log(
                    i % 7 == 0 ? $"payment declined for order {1000 + i}" : $"order {1000 + i} placed",
                    now.AddSeconds(-60 + i),
                    services[i % 3],
                    i % 7 == 0 ? 17 : i % 5 == 0 ? 13 : 9,
                    i % 10 == 0 ? trace : null,
                    new("tenant", i % 2 == 0 ? "acme" : "globex"),
                    new("order.id", 1000L + i))),
                Some.ExceptionLog("System.InvalidOperationException", "order 42 has no lines", now.AddMinutes(-3)),
                Some.ExceptionLog("System.TimeoutException", "the database did not answer in 30 s", now.AddMinutes(-2), "billing"),
            ],
            MetricPoints =
            [
                .. Some.CounterPoints("http.server.requests", "orders", ["/orders", "/orders/{id}", "/charge"], now),
                .. Some.GaugePoints("orders.queue.length", "orders", now),
            ],
            HealthResults =
            [
                // Earlier results, every 30 s and oldest first, for the history bars; the newest of each check is the one below them.
                .. Enumerable.Range(1, 40).Reverse().Select(i => new HealthResult { Name = "database", Kind = HealthSourceKind.Check, ServiceName = "orders", Status = i is >= 12 and <= 14 ? HealthStatus.Degraded : HealthStatus.Healthy, Observed = HealthStatus.Healthy, Timestamp = now.AddSeconds(-20 - (30 * i)), Duration = TimeSpan.FromMilliseconds(3 + (i % 4)) }),
                .. Enumerable.Range(1, 40).Reverse().Select(i => new HealthResult { Name = "payments-api", Kind = HealthSourceKind.Probe, ServiceName = "billing", Status = i <= 5 ? HealthStatus.Degraded : i == 20 ? HealthStatus.Unhealthy : HealthStatus.Healthy, Observed = i == 20 ? HealthStatus.Unhealthy : HealthStatus.Healthy, Timestamp = now.AddSeconds(-15 - (30 * i)), Duration = TimeSpan.FromMilliseconds(i <= 5 ? 700 : 120) }),
                new HealthResult { Name = "database", Kind = HealthSourceKind.Check, ServiceName = "orders", Status = HealthStatus.Healthy, Observed = HealthStatus.Healthy, Timestamp = now.AddSeconds(-20), Duration = TimeSpan.FromMilliseconds(4) },
                new HealthResult { Name = "payments-api", Kind = HealthSourceKind.Probe, ServiceName = "billing", Status = HealthStatus.Degraded, Observed = HealthStatus.Degraded, Timestamp = now.AddSeconds(-15), Duration = TimeSpan.FromMilliseconds(800), Description = "slow answers" },
            ],
        });
        var groups = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery());
        return (trace, groups[0].Id);
    }
}
