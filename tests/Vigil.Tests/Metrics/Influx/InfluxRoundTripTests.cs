using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Metrics.Influx;
using Vigil.Model;
using Vigil.Pipeline;
using Vigil.Testing.Influx;
using Vigil.Tests.Support;

namespace Vigil.Tests.Metrics.Influx;

/// <summary>
/// The SDK's InfluxDB sink against a real InfluxDB 1.6 (Debian's influxd, started by the fixture), read back over
/// InfluxQL. InfluxDB 1.6 has no /api/v2/write: the 2.x path is tested against vigil serve's own (Vigil.Server.Tests).
/// </summary>
public sealed class InfluxRoundTripTests(InfluxDbFixture fixture) : IClassFixture<InfluxDbFixture>
{
    private const string HostileTag = "eu west,1=\"quoted\" back\\slash 測";

    private InfluxDbServer Influx => fixture.Server;

    private TestVigil Start(Meter meter, string database, Action<VigilOptions>? configure = null) => TestVigil.Start(o =>
    {
        o.Service.Name = "influx-test";
        o.Metrics.Meters.Add(meter.Name);
        o.Metrics.ExportIntervalMilliseconds = 3_600_000;
        o.Influx.Enabled = true;
        o.Influx.Endpoint = Influx.Endpoint;
        o.Influx.ApiVersion = InfluxApiVersion.V1;
        o.Influx.Database = database;
        o.Influx.Username = InfluxDbServer.User;
        o.Influx.Password = InfluxDbServer.Password;
        configure?.Invoke(o);
    });

    private static ExportQueueGate Gate(TestVigil vigil) =>
        Assert.Single(vigil.Sdk.Services.GetRequiredService<ExportQueueRegistry>().Gates, g => g.Sink == InfluxMetricExporter.SinkName);

    private static double Number(InfluxRow row, string column) => row.Values[column].GetDouble();

    [Fact]
    public async Task Sdk_V1WithPassword_CounterHistogramsAndHostileTagsReadBack()
    {
        var database = await Influx.CreateDatabaseAsync("sdk_v1");
        using var meter = new Meter("Tests.Influx.RoundTrip");
        var orders = meter.CreateCounter<long>("tests.influx.orders");
        var latency = meter.CreateHistogram<double>("tests.influx.latency", "s");
        var sizes = meter.CreateHistogram<double>("tests.influx.sizes", "By");
        var vigil = Start(meter, database, o => o.Metrics.HistogramBuckets["tests.influx.latency"] = [0.1, 1]);

        orders.Add(2, new KeyValuePair<string, object?>("region", HostileTag));
        orders.Add(3, new KeyValuePair<string, object?>("region", HostileTag));
        foreach (var value in new[] { 0.05, 0.5, 2 })
        {
            latency.Record(value);
        }

        // No buckets configured or advised: an exponential histogram, written as cumulative upper bounds.
        for (var i = 1; i <= 10; i++)
        {
            sizes.Record(100 * i);
        }

        var gate = Gate(vigil);
        vigil.Stop();

        // Stopping flushes, then shuts the reader down: two collections, so cumulative series may hold two equal points.
        var counter = (await Influx.RowsAsync("SELECT * FROM \"tests.influx.orders\" GROUP BY *", database))[^1];
        Assert.Equal(HostileTag, counter.Tags["region"]);
        Assert.Equal("influx-test", counter.Tags["service.name"]);
        Assert.Equal(5, Number(counter, "value"));

        var histogram = (await Influx.RowsAsync("SELECT * FROM \"tests.influx.latency\"", database))[^1];
        Assert.Equal(3, Number(histogram, "count"));
        Assert.Equal(2.55, Number(histogram, "sum"), 9);
        Assert.Equal(0.05, Number(histogram, "min"));
        Assert.Equal(2, Number(histogram, "max"));
        Assert.Equal(1, Number(histogram, "0.1"));
        Assert.Equal(2, Number(histogram, "1"));
        Assert.Equal(3, Number(histogram, "+Inf"));

        var exponential = (await Influx.RowsAsync("SELECT * FROM \"tests.influx.sizes\"", database))[^1];
        Assert.Equal(10, Number(exponential, "count"));
        Assert.Equal(5500, Number(exponential, "sum"), 9);
        Assert.Equal(10, Number(exponential, "+Inf"));

        // Every bound's cumulative count is at most the next one's, and the bound above 1000 holds all ten.
        var bounds = exponential.Values
            .Where(v => double.TryParse(v.Key, System.Globalization.CultureInfo.InvariantCulture, out _) && v.Value.ValueKind == JsonValueKind.Number)
            .Select(v => (Bound: double.Parse(v.Key, System.Globalization.CultureInfo.InvariantCulture), Count: v.Value.GetDouble()))
            .OrderBy(b => b.Bound)
            .ToList();
        Assert.Equal(bounds.Select(b => b.Count).Order(), bounds.Select(b => b.Count));
        Assert.Equal(10, bounds.First(b => b.Bound >= 1000).Count);
        Assert.Equal(0, bounds.Last(b => b.Bound < 100).Count);

        // What the sink counted as exported is what InfluxDB holds: one point per line.
        var points = await Influx.RowsAsync("SELECT * FROM /.*/ GROUP BY *", database);
        Assert.Equal(points.Count, gate.Exported);
        Assert.Equal(0, gate.Failed);
    }

    [Fact]
    public async Task Sdk_DeltaTemporality_EachExportHoldsItsOwnIncrease()
    {
        var database = await Influx.CreateDatabaseAsync("sdk_delta");
        using var meter = new Meter("Tests.Influx.Delta");
        var orders = meter.CreateCounter<long>("tests.influx.delta.orders");
        var latency = meter.CreateHistogram<double>("tests.influx.delta.latency", "s");
        var vigil = Start(meter, database, o =>
        {
            o.Influx.Temporality = InfluxTemporality.Delta;
            o.Metrics.HistogramBuckets["tests.influx.delta.latency"] = [0.1, 1];
        });

        orders.Add(5);
        latency.Record(0.5);
        Assert.True(vigil.Sdk.Flush(TimeSpan.FromSeconds(60)));

        // Two exports must not share a timestamp, or InfluxDB keeps only the later point of the series.
        await Task.Delay(TimeSpan.FromMilliseconds(5));
        orders.Add(7);
        latency.Record(0.05);
        latency.Record(2);
        vigil.Stop();

        var counters = await Influx.RowsAsync("SELECT \"value\" FROM \"tests.influx.delta.orders\" WHERE \"otel.temporality\" = 'delta'", database);
        Assert.Equal([5.0, 7.0], counters.Select(r => Number(r, "value")));

        var histograms = await Influx.RowsAsync("SELECT \"count\", \"0.1\", \"1\", \"+Inf\" FROM \"tests.influx.delta.latency\" WHERE \"otel.temporality\" = 'delta'", database);
        Assert.Equal([1.0, 2.0], histograms.Select(r => Number(r, "count")));
        Assert.Equal([0.0, 1.0], histograms.Select(r => Number(r, "0.1")));
        Assert.Equal([1.0, 1.0], histograms.Select(r => Number(r, "1")));
        Assert.Equal([1.0, 2.0], histograms.Select(r => Number(r, "+Inf")));
    }

    [Fact]
    public async Task Encoder_HostileMeasurementNames_ReadBackAsWritten()
    {
        var database = await Influx.CreateDatabaseAsync("hostile");
        string[] names = ["cpu load,eu", "naïve=測", "quo\"te", "back\\slash", " leading", "comma,=both"];
        var time = DateTimeOffset.UtcNow;
        var points = names.Select(name => new MetricPoint
        {
            Series = new MetricSeriesInfo { Name = name, Kind = MetricKind.Gauge, Attributes = [new("k=ey, 1", "v\nal")] },
            Timestamp = time,
            Value = -1.5e-300,
        }).ToList();
        using var client = new InfluxWriteClient(new InfluxSinkOptions
        {
            Endpoint = Influx.Endpoint, ApiVersion = InfluxApiVersion.V1, Database = database, Username = InfluxDbServer.User, Password = InfluxDbServer.Password,
        });

        foreach (var write in new InfluxWriteBatcher(5000, 1_048_576).Split(points, out var skipped))
        {
            Assert.Equal(0, skipped);
            client.Send(write, CancellationToken.None);
        }

        var measurements = await Influx.RowsAsync("SHOW MEASUREMENTS", database);
        Assert.Equal(names.Order(StringComparer.Ordinal), measurements.Select(m => m.Values["name"].GetString()!).Order(StringComparer.Ordinal));
        var row = Assert.Single(await Influx.RowsAsync("SELECT * FROM \"cpu load,eu\" GROUP BY *", database));
        Assert.Equal("v al", row.Tags["k=ey, 1"]);
        Assert.Equal(-1.5e-300, Number(row, "value"));
        Assert.Equal(InfluxLineEncoder.UnixNanoseconds(time), row.Values["time"].GetInt64());
    }

    [Fact]
    public async Task Sdk_WrongPassword_CountedAsFailed_NothingStored_AppCarriesOn()
    {
        var database = await Influx.CreateDatabaseAsync("refused");
        using var meter = new Meter("Tests.Influx.Refused");
        var orders = meter.CreateCounter<long>("tests.influx.refused");
        var vigil = Start(meter, database, o => o.Influx.Password = "wrong");

        orders.Add(1);
        var gate = Gate(vigil);
        vigil.Stop();

        Assert.True(gate.Failed > 0, "the refused lines are counted as failed");
        Assert.Equal(0, gate.Exported);
        Assert.Empty(await Influx.RowsAsync("SHOW SERIES", database));
    }
}
