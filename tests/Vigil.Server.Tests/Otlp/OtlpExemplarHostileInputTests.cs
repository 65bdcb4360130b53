using System.Net;
using Google.Protobuf;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>
/// Exemplars a sender got wrong: one with a trace id of the wrong length, a point with ten thousand of them. Each is a
/// counted drop in partial_success's message; no point is rejected or lost, and the good exemplars are stored.
/// </summary>
public sealed class OtlpExemplarHostileInputTests
{
    private const int Absurd = 10_000;

    [Fact]
    public async Task PostMetrics_BadAndTooManyExemplars_DroppedAndCountedPointsKept()
    {
        // Arrange
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var time = Some.UnixNano(Some.Time);
        Exemplar Good(int n) => new() { TimeUnixNano = time, AsDouble = n, TraceId = Id(16, n), SpanId = Id(8, n) };
        var first = new NumberDataPoint { TimeUnixNano = time, AsDouble = 1, Exemplars = { Good(1), new Exemplar { TimeUnixNano = time, AsDouble = 2, TraceId = Id(15, 2), SpanId = Id(8, 2) } } };
        var second = new NumberDataPoint { TimeUnixNano = time + 1_000_000_000, AsDouble = 2 };
        second.Exemplars.AddRange(Enumerable.Range(100, Absurd).Select(Good));
        var request = Some.Metrics(new Metric { Name = "queue.length", Gauge = new Gauge { DataPoints = { first, second } } });

        // Act
        using var response = await client.PostAsync("/v1/metrics", OtlpHttp.Protobuf(request)).DefaultTimeout();

        // Assert: accepted, nothing rejected, the drops counted with their reasons.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, answer.PartialSuccess.RejectedDataPoints);
        Assert.StartsWith($"{1 + Absurd - MetricExemplar.MaxPerPoint} exemplar(s) dropped, their points kept", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("trace_id must be 16 bytes", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains($"more than {MetricExemplar.MaxPerPoint} exemplars", answer.PartialSuccess.ErrorMessage, StringComparison.Ordinal);

        // Both points stored with their values; the good exemplar and the first MaxPerPoint of the flood kept.
        var points = server.Store.Points;
        Assert.Equal([1.0, 2.0], points.Select(p => p.Value));
        Assert.Equal(Convert.ToHexStringLower(Id(16, 1).Span), Assert.Single(points[0].Exemplars).TraceId);
        Assert.Equal(Enumerable.Range(100, MetricExemplar.MaxPerPoint).Select(n => (double)n), points[1].Exemplars.Select(e => e.Value));
        var stored = await server.Store.QueryExemplarsAsync(
            new ExemplarQuery { Name = "queue.length", From = Some.Time.AddMinutes(-1), To = Some.Time.AddMinutes(1), Limit = ExemplarQuery.MaxLimit }).DefaultTimeout();
        Assert.Equal(1 + MetricExemplar.MaxPerPoint, stored.Exemplars.Count);

        // And the server's own figures count them.
        var scrape = await server.CreateQueryClient().GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        Assert.Contains($"vigil_ingest_exemplars_dropped_total {1 + Absurd - MetricExemplar.MaxPerPoint}\n", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMetricsJson_ExemplarIdsAsHex_StoredAsSentBadHexRefused()
    {
        // Arrange: OTLP/JSON writes ids as hex, an exemplar's as a span's.
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string SpanId = "00f067aa0ba902b7";
        string Body(string traceId) =>
            $$$"""{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"latency","gauge":{"dataPoints":[{"timeUnixNano":"{{{Some.UnixNano(Some.Time)}}}","asDouble":3,"exemplars":[{"timeUnixNano":"{{{Some.UnixNano(Some.Time)}}}","asDouble":3,"traceId":"{{{traceId}}}","spanId":"{{{SpanId}}}"}]}]}}]}]}]}""";

        // Act
        using var good = await client.PostAsync("/v1/metrics", OtlpHttp.Json(Body(TraceId))).DefaultTimeout();
        using var bad = await client.PostAsync("/v1/metrics", OtlpHttp.Json(Body("not-hex"))).DefaultTimeout();

        // Assert: the good one stored with its ids; the bad one a 400 naming the field, nothing of it stored.
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var exemplar = Assert.Single(Assert.Single(server.Store.Points).Exemplars);
        Assert.Equal((TraceId, SpanId), (exemplar.TraceId, exemplar.SpanId));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("'traceId' must be a hex string", problem.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(server.Store.Points);
    }

    [Fact]
    public async Task PostMetrics_GoodExemplarsOnly_NoPartialSuccess()
    {
        // Arrange
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var time = Some.UnixNano(Some.Time);
        var point = new HistogramDataPoint { TimeUnixNano = time, Count = 1, BucketCounts = { 1, 0 }, ExplicitBounds = { 10 } };
        point.Exemplars.Add(new Exemplar { TimeUnixNano = time, AsInt = 4, TraceId = Id(16, 4), SpanId = Id(8, 4) });
        var request = Some.Metrics(new Metric { Name = "latency", Histogram = new Histogram { DataPoints = { point } } });

        // Act
        using var response = await client.PostAsync("/v1/metrics", OtlpHttp.Protobuf(request)).DefaultTimeout();

        // Assert: the specification's answer to a request with nothing wrong carries no partial_success.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(ExportMetricsServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).PartialSuccess);
        Assert.Equal(4.0, Assert.Single(Assert.Single(server.Store.Points).Exemplars).Value);
    }

    private static ByteString Id(int length, int n)
    {
        var bytes = new byte[length];
        BitConverter.TryWriteBytes(bytes.AsSpan(length - 4), n);
        return ByteString.CopyFrom(bytes);
    }
}
