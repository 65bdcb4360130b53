using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>The real OpenTelemetry .NET exporter, through the Vigil SDK, into a real server and store.</summary>
public sealed class SdkExportTests
{
    [Theory]
    [InlineData(OtlpProtocol.Grpc)]
    [InlineData(OtlpProtocol.HttpProtobuf)]
    public async Task Export_SpansLogsAndMetricsFromSdk_ReadBackFromStore(OtlpProtocol protocol)
    {
        await using var server = await TestServer.StartAsync();
        var name = $"vigil.tests.{protocol}.{Guid.NewGuid():N}";
        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        string traceId;
        string spanId;
        using (var sdk = VigilSdk.Start(o =>
        {
            o.Service.Name = "sdk-export-" + protocol;
            o.Otlp.Enabled = true;
            o.Otlp.Endpoint = protocol == OtlpProtocol.Grpc ? server.GrpcEndpoint : server.HttpEndpoint;
            o.Otlp.Protocol = protocol;
            o.Store.Enabled = false;
            o.Console.Enabled = false;
            o.Tracing.Sources.Add(name);
            o.Metrics.Meters.Add(name);
        }))
        {
            // Arrange: one span with an event, a log inside it, and a counter, a gauge and a histogram.
            var counter = meter.CreateCounter<long>("orders.placed", unit: "{order}", description: "Orders placed");
            var histogram = meter.CreateHistogram<double>("order.value", unit: "EUR");
            meter.CreateObservableGauge("queue.length", () => 42);
            using (var activity = source.StartActivity("place order", ActivityKind.Server))
            {
                Assert.NotNull(activity);
                activity.SetTag("order.id", "o-17");
                activity.AddEvent(new ActivityEvent("validated"));
                activity.SetStatus(ActivityStatusCode.Error, "payment declined");
                sdk.CreateLogger("Orders").LogWarning("Order {OrderId} declined", "o-17");
                counter.Add(3, new KeyValuePair<string, object?>("region", "eu"));
                histogram.Record(10);
                histogram.Record(30);
                traceId = activity.TraceId.ToHexString();
                spanId = activity.SpanId.ToHexString();
            }

            // Act
            Assert.True(sdk.Flush(TaskTimeouts.Default));
        }

        // Assert: the span.
        var span = Assert.Single(await server.Store.GetTraceAsync(traceId).DefaultTimeout());
        Assert.Equal(spanId, span.SpanId);
        Assert.Equal("place order", span.Name);
        Assert.Equal(SpanKind.Server, span.Kind);
        Assert.Equal(SpanStatusCode.Error, span.StatusCode);
        Assert.Equal("payment declined", span.StatusMessage);
        Assert.Equal("o-17", span.Attributes.Single(a => a.Key == "order.id").Value);
        Assert.Equal("validated", Assert.Single(span.Events).Name);
        Assert.Equal("sdk-export-" + protocol, span.Resource.ServiceName);
        Assert.Equal(name, span.Scope.Name);

        // The log, correlated with the span.
        var log = Assert.Single(await server.Store.QueryLogsAsync(new LogQuery { TraceId = traceId }).DefaultTimeout());
        Assert.Equal(spanId, log.SpanId);
        Assert.Equal(13, log.SeverityNumber);
        Assert.Contains("o-17", log.Body ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("Orders", log.Scope.Name);

        // The metrics.
        var metrics = (await server.Store.ListMetricsAsync().DefaultTimeout()).ToDictionary(m => m.Name);
        Assert.Equal(MetricKind.Sum, metrics["orders.placed"].Kind);
        Assert.Equal("{order}", metrics["orders.placed"].Unit);
        Assert.Equal("Orders placed", metrics["orders.placed"].Description);
        Assert.Equal(3, metrics["orders.placed"].LatestValue);
        Assert.Equal(MetricKind.Gauge, metrics["queue.length"].Kind);
        Assert.Equal(42, metrics["queue.length"].LatestValue);
        // A histogram with no advised or configured bounds is exponential by default (issue 11, item 1).
        Assert.Equal(MetricKind.ExponentialHistogram, metrics["order.value"].Kind);
        var sum = server.Store.Points.Last(p => p.Series.Name == "orders.placed");
        Assert.True(sum.Series.IsMonotonic);
        Assert.Equal("eu", sum.Series.Attributes.Single(a => a.Key == "region").Value);
        var points = server.Store.Points.Last(p => p.Series.Name == "order.value").ExponentialHistogram!;
        Assert.Equal(2, points.Count);
        Assert.Equal(40, points.Sum);
        Assert.Equal(10, points.Min);
        Assert.Equal(30, points.Max);
        Assert.Equal(2, points.PositiveBucketCounts.Sum());
    }

    [Fact]
    public async Task Export_GrpcWithApiKeyHeader_Accepted()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = "sdk-key");
        var name = $"vigil.tests.key.{Guid.NewGuid():N}";
        using var source = new ActivitySource(name);
        string traceId;
        using (var sdk = VigilSdk.Start(o =>
        {
            o.Otlp.Enabled = true;
            o.Otlp.Endpoint = server.GrpcEndpoint;
            o.Otlp.Protocol = OtlpProtocol.Grpc;
            o.Otlp.Headers = "x-api-key=sdk-key";
            o.Store.Enabled = false;
            o.Console.Enabled = false;
            o.Tracing.Sources.Add(name);
        }))
        {
            using (var activity = source.StartActivity("keyed"))
            {
                traceId = activity!.TraceId.ToHexString();
            }

            Assert.True(sdk.Flush(TaskTimeouts.Default));
        }

        Assert.Equal("keyed", Assert.Single(await server.Store.GetTraceAsync(traceId).DefaultTimeout()).Name);
    }
}
