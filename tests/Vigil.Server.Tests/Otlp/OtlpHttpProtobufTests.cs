using System.Net;
using Google.Protobuf;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using Vigil.Server.Otlp.Proto.Rpc;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

public sealed class OtlpHttpProtobufTests
{
    [Fact]
    public async Task PostMetrics_ExponentialHistogramAndSummary_FieldsStored()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var request = Some.Metrics(
            new Metric
            {
                Name = "http.duration",
                Unit = "s",
                ExponentialHistogram = new ExponentialHistogram
                {
                    AggregationTemporality = Vigil.Server.Otlp.Proto.Metrics.V1.AggregationTemporality.Delta,
                    DataPoints =
                    {
                        new ExponentialHistogramDataPoint
                        {
                            StartTimeUnixNano = Some.UnixNano(Some.Time.AddSeconds(-10)),
                            TimeUnixNano = Some.UnixNano(Some.Time),
                            Count = 6, Sum = 12.5, Min = 0.5, Max = 5, Scale = 3, ZeroCount = 1, ZeroThreshold = 0.001,
                            Positive = new() { Offset = -2, BucketCounts = { 1, 0, 3 } },
                            Negative = new() { Offset = 4, BucketCounts = { 1 } },
                        },
                    },
                },
            },
            new Metric
            {
                Name = "rpc.latency",
                Summary = new Summary
                {
                    DataPoints =
                    {
                        new SummaryDataPoint
                        {
                            TimeUnixNano = Some.UnixNano(Some.Time), Count = 10, Sum = 55,
                            QuantileValues = { new SummaryDataPoint.Types.ValueAtQuantile { Quantile = 0.5, Value = 5 }, new SummaryDataPoint.Types.ValueAtQuantile { Quantile = 0.99, Value = 9.9 } },
                        },
                    },
                },
            });

        using var response = await client.PostAsync("/v1/metrics", OtlpHttp.Protobuf(request)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        var exponential = server.Store.Points.Single(p => p.Series.Name == "http.duration");
        Assert.Equal(MetricKind.ExponentialHistogram, exponential.Series.Kind);
        Assert.Equal(Model.AggregationTemporality.Delta, exponential.Series.Temporality);
        Assert.Equal(Some.Time.AddSeconds(-10), exponential.StartTimestamp);
        var data = exponential.ExponentialHistogram!;
        Assert.Equal((6L, 12.5, 0.5, 5.0, 3, 1L, 0.001), (data.Count, data.Sum!.Value, data.Min!.Value, data.Max!.Value, data.Scale, data.ZeroCount, data.ZeroThreshold));
        Assert.Equal(-2, data.PositiveOffset);
        Assert.Equal([1L, 0L, 3L], data.PositiveBucketCounts);
        Assert.Equal(4, data.NegativeOffset);
        Assert.Equal([1L], data.NegativeBucketCounts);
        var summary = server.Store.Points.Single(p => p.Series.Name == "rpc.latency").Summary!;
        Assert.Equal(10, summary.Count);
        Assert.Equal(55, summary.Sum);
        Assert.Equal([new SummaryQuantile(0.5, 5), new SummaryQuantile(0.99, 9.9)], summary.Quantiles);
        var listed = (await server.Store.ListMetricsAsync().DefaultTimeout()).ToDictionary(m => m.Name);
        Assert.Equal(MetricKind.ExponentialHistogram, listed["http.duration"].Kind);
        Assert.Equal(MetricKind.Summary, listed["rpc.latency"].Kind);
    }

    [Fact]
    public async Task PostTraces_GzipProtobuf_Stored()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Gzip(Some.Traces(Some.Span("zipped")).ToByteArray(), "application/x-protobuf")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zipped", Assert.Single(server.Store.Spans).Name);
    }

    [Fact]
    public async Task PostTraces_InvalidSpanId_PartialSuccessAndValidSpansStored()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var bad = Some.Span("bad");
        bad.SpanId = ByteString.CopyFrom(1, 2, 3, 4);

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(bad, Some.Span("good", 5)))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync().DefaultTimeout());
        Assert.Equal(1, body.PartialSuccess.RejectedSpans);
        Assert.Contains("span_id", body.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(server.Store.Spans).Name);
    }

    [Fact]
    public async Task PostTraces_AllValid_NoPartialSuccess()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span()))).DefaultTimeout();

        var body = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync().DefaultTimeout());
        Assert.Null(body.PartialSuccess);
    }

    [Fact]
    public async Task PostTraces_MalformedProtobuf_400ThenServerKeepsServing()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        // Field 1, wire type 2 (length-delimited), length 100, then 3 bytes: the message ends early.
        using var malformed = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf([0x0A, 100, 1, 2, 3])).DefaultTimeout();
        var whole = Some.Traces(Some.Span()).ToByteArray();
        using var truncated = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(whole[..(whole.Length / 2)])).DefaultTimeout();
        using var after = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("after")))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var status = Status.Parser.ParseFrom(await malformed.Content.ReadAsByteArrayAsync().DefaultTimeout());
        Assert.Contains("not a valid OTLP protobuf", status.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("after", Assert.Single(server.Store.Spans).Name);
    }

    [Fact]
    public async Task PostTraces_BodyOverLimit_413()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxRequestBodyBytes = 1024);
        var client = server.CreateHttpClient();
        var big = Some.ManySpans(50).ToByteArray();
        Assert.True(big.Length > 1024);

        // With Expect: 100-continue the refusal comes before the body is sent, so the client reads it
        // instead of racing the server's close of a connection whose body it will not read.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = OtlpHttp.Protobuf(big) };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request).DefaultTimeout();
        using var after = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span()))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task PostTraces_GzipBomb_413WhileStreaming()
    {
        // 64 MiB of zeros compress to about 64 KiB: small on the wire, over the 1 MiB limit once inflated.
        await using var server = await TestServer.StartAsync(o => o.MaxRequestBodyBytes = 1024 * 1024);
        var client = server.CreateHttpClient();
        using var bomb = OtlpHttp.Gzip(new byte[64 * 1024 * 1024], "application/x-protobuf");
        Assert.True(bomb.Headers.ContentLength < 1024 * 1024);

        using var response = await client.PostAsync("/v1/traces", bomb).DefaultTimeout();
        using var after = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span()))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var status = Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync().DefaultTimeout());
        Assert.Contains("after decompression", status.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task PostTraces_NotGzipButSaysSo_400()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        using var content = OtlpHttp.Protobuf(Some.Traces(Some.Span()));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/traces", content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostTraces_OnQueryPort_404()
    {
        await using var server = await TestServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span()))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(server.Store.Spans);
    }
}
