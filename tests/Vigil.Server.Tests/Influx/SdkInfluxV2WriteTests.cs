using System.Diagnostics.Metrics;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Influx;

/// <summary>
/// The SDK's InfluxDB sink on the 2.x API (<c>/api/v2/write</c>, token), which the InfluxDB 1.6 of the round-trip tests
/// does not have, against vigil serve's own 2.x endpoint: what the SDK encodes is what the server's parser reads.
/// </summary>
public sealed class SdkInfluxV2WriteTests
{
    [Fact]
    public async Task Sdk_V2WithToken_CounterAndHistogramStoredUnderTheirNames()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = "t0ken");
        using var meter = new Meter("Tests.Influx.V2");
        var orders = meter.CreateCounter<long>("tests.influx.v2.orders");
        var latency = meter.CreateHistogram<double>("tests.influx.v2.latency", "s");
        using (var vigil = VigilSdk.Start(o =>
        {
            o.Service.Name = "influx-v2";
            o.Console.Enabled = false;
            o.Store.Enabled = false;
            o.Errors.CaptureUnhandled = false;
            o.Metrics.Meters.Add(meter.Name);
            o.Metrics.ExportIntervalMilliseconds = 3_600_000;
            o.Metrics.HistogramBuckets["tests.influx.v2.latency"] = [0.1, 1];
            o.Influx.Enabled = true;
            o.Influx.Endpoint = server.HttpEndpoint;
            o.Influx.Bucket = "metrics";
            o.Influx.Organization = "acme";
            o.Influx.Token = "t0ken";
        }))
        {
            orders.Add(5, new KeyValuePair<string, object?>("region", "eu west,1"));
            latency.Record(0.05);
            latency.Record(2);
        }

        var points = server.Store.Points;
        var counter = points.Last(p => p.Series.Name == "tests.influx.v2.orders");
        Assert.Equal(5, counter.Value);
        Assert.Equal("influx-v2", counter.Series.Resource.ServiceName);
        Assert.Contains(new KeyValuePair<string, object?>("region", "eu west,1"), counter.Series.Attributes);

        // The server's schema names each non-value field measurement_field (docs/dialects.md).
        Assert.Equal(2, points.Last(p => p.Series.Name == "tests.influx.v2.latency_count").Value);
        Assert.Equal(2.05, points.Last(p => p.Series.Name == "tests.influx.v2.latency_sum").Value!.Value, 9);
        Assert.Equal(1, points.Last(p => p.Series.Name == "tests.influx.v2.latency_0.1").Value);
        Assert.Equal(1, points.Last(p => p.Series.Name == "tests.influx.v2.latency_1").Value);
        Assert.Equal(2, points.Last(p => p.Series.Name == "tests.influx.v2.latency_+Inf").Value);
    }

    [Fact]
    public async Task Sdk_V2WrongToken_NothingStored_AppCarriesOn()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = "t0ken");
        using var meter = new Meter("Tests.Influx.V2.Refused");
        var orders = meter.CreateCounter<long>("tests.influx.v2.refused");
        using (var vigil = VigilSdk.Start(o =>
        {
            o.Console.Enabled = false;
            o.Store.Enabled = false;
            o.Errors.CaptureUnhandled = false;
            o.Metrics.Meters.Add(meter.Name);
            o.Influx.Enabled = true;
            o.Influx.Endpoint = server.HttpEndpoint;
            o.Influx.Bucket = "metrics";
            o.Influx.Token = "wrong";
        }))
        {
            orders.Add(1);
        }

        Assert.DoesNotContain(server.Store.Points, p => p.Series.Name.StartsWith("tests.influx.v2", StringComparison.Ordinal));
    }
}
