using Vigil.Model.Prometheus;

namespace Vigil.Cli.Tests.Commands.Metrics;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", false, false, "http_server_request_duration_seconds")]
    [InlineData("http.server.request.duration", "ms", false, false, "http_server_request_duration_seconds")]
    [InlineData("orders.placed", "{order}", true, false, "orders_placed_total")]
    [InlineData("orders.placed.total", null, true, false, "orders_placed_total")]
    [InlineData("network.io", "By", true, false, "network_io_bytes_total")]
    [InlineData("cpu.utilization", "1", false, true, "cpu_utilization_ratio")]
    [InlineData("requests", "{request}/s", false, true, "requests_per_second")]
    [InlineData("queueLength", null, false, true, "queue_length")]
    [InlineData("HTTPServer.Active", null, false, true, "http_server_active")]
    [InlineData("9lives", null, false, true, "_9lives")]
    [InlineData("a..b--c", null, false, true, "a_b_c")]
    [InlineData("latency_seconds", "s", false, true, "latency_seconds")]
    [InlineData("dotnet.assembly.count", "{assembly}", false, true, "dotnet_assembly_count_value")]
    [InlineData("queue.sum", null, false, true, "queue_sum_value")]
    [InlineData("cache.bucket", null, false, true, "cache_bucket_value")]
    [InlineData("http.request.count", "{request}", true, false, "http_request_count_total")]
    [InlineData("batch.count", null, false, false, "batch_count")]
    public void Metric_OpenTelemetryName_PrometheusName(string name, string? unit, bool counter, bool gauge, string expected)
    {
        Assert.Equal(expected, PrometheusNames.Metric(name, PrometheusUnit.From(unit), counter, gauge));
    }

    [Theory]
    [InlineData("ms", 0.001)]
    [InlineData("min", 60)]
    [InlineData("KiBy", 1024)]
    [InlineData("s", 1)]
    [InlineData("{thing}", 1)]
    public void From_Unit_ScalesToBaseUnit(string unit, double scale)
    {
        Assert.Equal(scale, PrometheusUnit.From(unit).Scale);
    }

    [Fact]
    public void EscapeLabelValue_SpecialCharacters_Escaped()
    {
        Assert.Equal("a\\\\b\\\"c\\nd", PrometheusNames.EscapeLabelValue("a\\b\"c\nd"));
    }

    [Fact]
    public void Label_DottedKey_Underscored()
    {
        Assert.Equal("http_route", PrometheusNames.Label("http.route"));
    }
}
