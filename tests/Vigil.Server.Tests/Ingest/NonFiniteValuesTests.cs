using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Ingest;

/// <summary>NaN and ±Inf are ordinary metric values (a summary with no observations has NaN quantiles): stored, read back.</summary>
public sealed class NonFiniteValuesTests
{
    [Fact]
    public async Task PostMetrics_NaNAndInfinityInSummaryAndHistogram_StoredAndReadBackByQueriesAndMetrics()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);

        using var response = await client.PostAsync("/v1/metrics", OtlpHttp.Protobuf(NonFinite(now))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync().DefaultTimeout()).PartialSuccess);

        // Read back from the file, not from what was handed to the store.
        var data = await ReadPointDataAsync(server.Store.Location);
        Assert.Equal(2, data.Count);
        var summary = JsonSerializer.Deserialize<SummaryData>(data["rpc.latency"], Vigil.Model.Json.TelemetryJson.Options)!;
        Assert.True(double.IsNaN(summary.Sum));
        Assert.True(double.IsNaN(summary.Quantiles[0].Value));
        Assert.Equal(double.PositiveInfinity, summary.Quantiles[1].Value);
        var histogram = JsonSerializer.Deserialize<HistogramData>(data["http.duration"], Vigil.Model.Json.TelemetryJson.Options)!;
        Assert.True(double.IsNaN(histogram.Sum!.Value));
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), (histogram.Min!.Value, histogram.Max!.Value));
        Assert.Equal([double.NegativeInfinity, 1, double.PositiveInfinity], histogram.ExplicitBounds);

        // The query API and /metrics read those rows back: no 500.
        foreach (var name in new[] { "rpc.latency", "http.duration" })
        {
            using var answer = await query.GetAsync(new Uri($"/api/metrics/{name}?since=1h", UriKind.Relative)).DefaultTimeout();
            var body = await answer.Content.ReadAsStringAsync().DefaultTimeout();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, body);
            using var _ = JsonDocument.Parse(body);
        }

        using var scrape = await query.GetAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var text = await scrape.Content.ReadAsStringAsync().DefaultTimeout();
        Assert.True(scrape.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains("rpc_latency", text, StringComparison.Ordinal);
    }

    // A summary as Prometheus reports one with no observations, and a histogram with every field non-finite.
    internal static ExportMetricsServiceRequest NonFinite(DateTimeOffset time) => Some.Metrics(
        new Metric
        {
            Name = "rpc.latency",
            Summary = new Summary
            {
                DataPoints =
                {
                    new SummaryDataPoint
                    {
                        TimeUnixNano = Some.UnixNano(time), Count = 0, Sum = double.NaN,
                        QuantileValues =
                        {
                            new SummaryDataPoint.Types.ValueAtQuantile { Quantile = 0.5, Value = double.NaN },
                            new SummaryDataPoint.Types.ValueAtQuantile { Quantile = 0.99, Value = double.PositiveInfinity },
                        },
                    },
                },
            },
        },
        new Metric
        {
            Name = "http.duration",
            Unit = "s",
            Histogram = new Histogram
            {
                AggregationTemporality = Vigil.Server.Otlp.Proto.Metrics.V1.AggregationTemporality.Cumulative,
                DataPoints =
                {
                    new HistogramDataPoint
                    {
                        StartTimeUnixNano = Some.UnixNano(time.AddMinutes(-1)), TimeUnixNano = Some.UnixNano(time),
                        Count = 3, Sum = double.NaN, Min = double.NegativeInfinity, Max = double.PositiveInfinity,
                        ExplicitBounds = { double.NegativeInfinity, 1, double.PositiveInfinity },
                        BucketCounts = { 1, 1, 1, 0 },
                    },
                },
            },
        });

    private static async Task<Dictionary<string, string>> ReadPointDataAsync(string storePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = storePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync().DefaultTimeout();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.name, p.data FROM metric_points p JOIN metric_series s ON s.id = p.series_id;";
        await using var reader = await command.ExecuteReaderAsync().DefaultTimeout();
        var data = new Dictionary<string, string>();
        while (await reader.ReadAsync().DefaultTimeout())
        {
            data[reader.GetString(0)] = reader.GetString(1);
        }

        return data;
    }
}
