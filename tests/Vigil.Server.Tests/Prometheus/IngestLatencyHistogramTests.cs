using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Prometheus;

/// <summary>
/// The server's own request duration is a real Prometheus histogram (issue 11, item 4): <c>_bucket</c>
/// with <c>le</c> up to <c>+Inf</c>, <c>_sum</c> and <c>_count</c>, never <c>_sum_total</c> or <c>_count_total</c>.
/// </summary>
public sealed class IngestLatencyHistogramTests
{
    [Fact]
    public async Task GetMetrics_AfterTwoExports_RequestDurationIsAHistogramThatPassesPromtool()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.CreateHttpClient();
        for (var i = 0; i < 2; i++)
        {
            using var export = await client.PostAsync(new Uri(server.HttpEndpoint, "/v1/logs"), OtlpHttp.Json("{}")).DefaultTimeout();
            export.EnsureSuccessStatusCode();
        }

        var text = await client.GetStringAsync(new Uri(server.QueryEndpoint, "/metrics")).DefaultTimeout();
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);

        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
        Assert.Contains("# TYPE vigil_ingest_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_request_duration_seconds_bucket{signal=\"logs\",le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_request_duration_seconds_bucket{signal=\"logs\",le=\"0.001\"} ", text, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_request_duration_seconds_count{signal=\"logs\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_request_duration_seconds_sum{signal=\"logs\"} ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_sum_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("_count_total", text, StringComparison.Ordinal);
    }
}
