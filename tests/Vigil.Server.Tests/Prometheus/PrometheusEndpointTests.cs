using System.Net.Http.Headers;
using Vigil.Model;
using Vigil.Server.Tests.Api;

namespace Vigil.Server.Tests.Prometheus;

public sealed class PrometheusEndpointTests
{
    private static async Task<ReadServer> StartWithMetricsAsync()
    {
        var server = await ReadServer.StartAsync();
        var acme = new KeyValuePair<string, object?>("tenant", "acme");
        var odd = new KeyValuePair<string, object?>("http.route", "/a\"b\\c\nd");
        await server.WriteAsync(new TelemetryBatch
        {
            MetricPoints =
            [
                Seed.Counter("orders.placed", 2, Seed.Now.AddMinutes(-20), acme),
                Seed.Counter("orders.placed", 7, Seed.Now.AddMinutes(-10), acme),
                Seed.Counter("orders.placed", 4, Seed.Now.AddMinutes(-10), odd),
                Seed.Gauge("process.memory.usage", 1.5, Seed.Now.AddMinutes(-5), "orders", "MiBy"),
                Seed.Gauge("process.memory.usage", 3, Seed.Now.AddMinutes(-5), "billing", "MiBy"),
                Seed.Histogram("http.server.request.duration", 10, [2, 6, 2, 0], Seed.Now.AddMinutes(-3)),
            ],
        });
        return server;
    }

    [Fact]
    public async Task GetMetrics_TextFormat_PassesPromtoolAndHasEveryFamily()
    {
        await using var server = await StartWithMetricsAsync();

        using var response = await server.Client.GetAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE orders_placed_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("orders_placed_total{service_name=\"orders\",tenant=\"acme\"} 7\n", text, StringComparison.Ordinal);
        Assert.Contains("orders_placed_total{http_route=\"/a\\\"b\\\\c\\nd\",service_name=\"orders\"} 4\n", text, StringComparison.Ordinal);
        Assert.Contains("process_memory_usage_bytes{service_name=\"billing\"} 3145728\n", text, StringComparison.Ordinal);
        Assert.Contains("process_memory_usage_bytes{service_name=\"orders\"} 1572864\n", text, StringComparison.Ordinal);
        // A real histogram (issue 11, item 4): bounds 10, 100, 1000 ms with counts 2, 6, 2 and a sum of 500 ms.
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains(
            "http_server_request_duration_seconds_bucket{service_name=\"orders\",le=\"0.01\"} 2\n" +
            "http_server_request_duration_seconds_bucket{service_name=\"orders\",le=\"0.1\"} 8\n" +
            "http_server_request_duration_seconds_bucket{service_name=\"orders\",le=\"1\"} 10\n" +
            "http_server_request_duration_seconds_bucket{service_name=\"orders\",le=\"+Inf\"} 10\n" +
            "http_server_request_duration_seconds_sum{service_name=\"orders\"} 0.5\n" +
            "http_server_request_duration_seconds_count{service_name=\"orders\"} 10\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_records_received_total{signal=\"logs\"} 12\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_queue_depth 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_AcceptOpenMetrics_AnswersOpenMetricsEndingWithEof()
    {
        await using var server = await StartWithMetricsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/openmetrics-text;version=1.0.0;q=0.5"));
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("text/plain;version=0.0.4;q=0.4"));

        using var response = await server.Client.SendAsync(request).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();

        Assert.Equal("application/openmetrics-text", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\n# EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE orders_placed counter\n", text, StringComparison.Ordinal);
        Assert.Contains("orders_placed_total{service_name=\"orders\",tenant=\"acme\"} 7\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE vigil_ingest_records_received counter\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_IngestCounterWithoutTotal_GetsTheSuffixAndPassesPromtool()
    {
        await using var server = await ReadServer.StartAsync();
        server.Statistics.Figures.Add(new("vigil_ingest_records_dropped", "Records dropped.", "counter", [new("signal", "logs"), new("reason", "queue \"full\"")], 2));

        var text = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.Contains("vigil_ingest_records_dropped_total{reason=\"queue \\\"full\\\"\",signal=\"logs\"} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_EmptyStore_StillPassesPromtoolWithIngestFigures()
    {
        await using var server = await ReadServer.StartAsync();

        var text = await server.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.StartsWith("# HELP vigil_ingest_records_received_total Records received.\n", text, StringComparison.Ordinal);
    }
}
