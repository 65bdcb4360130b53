using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Configuration;
using Vigil.Pipeline;
using Vigil.Testing.PushGateway;
using Vigil.Tests.Support;

namespace Vigil.Tests.Metrics.PushGateway;

/// <summary>
/// The SDK's Pushgateway sink against a real Pushgateway (Debian's prometheus-pushgateway, started by the fixture):
/// the application records, stops, and the test scrapes the gateway's own <c>/metrics</c>.
/// </summary>
public sealed class PushGatewaySinkTests(PushGatewayFixture fixture) : IClassFixture<PushGatewayFixture>
{
    private PushGatewayServer Gateway => fixture.Server;

    private static ExportQueueGate Gate(IServiceProvider services) =>
        Assert.Single(services.GetRequiredService<ExportQueueRegistry>().Gates, g => g.Sink == PushGatewayMetricExporter.SinkName);

    private static void Configure(VigilOptions o, Meter meter, string job)
    {
        o.Service.Name = "push-test";
        o.Metrics.Meters.Add(meter.Name);
        o.PushGateway.Enabled = true;
        o.PushGateway.Job = job;
        o.PushGateway.Instance = "host-a";
    }

    [Fact]
    public async Task Stop_PushesCounterGaugeAndHistogram_ScrapedBackUnderJobAndInstance()
    {
        using var meter = new Meter("Tests.PushGateway.Values");
        var orders = meter.CreateCounter<long>("tests.push.orders");
        var queue = meter.CreateUpDownCounter<long>("tests.push.queue", "{item}");
        var latency = meter.CreateHistogram<double>("tests.push.latency", "ms");
        var sizes = meter.CreateHistogram<double>("tests.push.sizes", "By");
        var vigil = TestVigil.Start(o =>
        {
            Configure(o, meter, "values");
            o.PushGateway.Endpoint = Gateway.Endpoint;
            o.Metrics.HistogramBuckets["tests.push.latency"] = [100, 1000];
        });

        orders.Add(2, new KeyValuePair<string, object?>("region", "eu \"west\"\\1"));
        orders.Add(3, new KeyValuePair<string, object?>("region", "eu \"west\"\\1"));
        orders.Add(4, new KeyValuePair<string, object?>("job", "not the group's"));
        queue.Add(10);
        queue.Add(-3);
        foreach (var value in new[] { 50.0, 500, 2000 })
        {
            latency.Record(value);
        }

        // No buckets configured: an exponential histogram, pushed as cumulative buckets by its bounds.
        for (var i = 1; i <= 10; i++)
        {
            sizes.Record(100 * i);
        }

        var gate = Gate(vigil.Sdk.Services);
        var nothingYet = await Gateway.SamplesAsync("tests_push_orders_total", ("job", "values"));
        vigil.Stop();

        Assert.Empty(nothingYet);
        var group = new[] { ("job", "values"), ("instance", "host-a") };
        var counter = Assert.Single(await Gateway.SamplesAsync("tests_push_orders_total", [.. group, ("region", "eu \"west\"\\1")]));
        Assert.Equal(5, counter.Value);
        var renamed = Assert.Single(await Gateway.SamplesAsync("tests_push_orders_total", [.. group, ("exported_job", "not the group's")]));
        Assert.Equal(4, renamed.Value);
        Assert.Equal(7, Assert.Single(await Gateway.SamplesAsync("tests_push_queue", group)).Value);

        // Milliseconds become seconds, as on /metrics: bounds 0.1 and 1, sum 2.55.
        var buckets = (await Gateway.SamplesAsync("tests_push_latency_seconds_bucket", group)).ToDictionary(s => s.Labels["le"], s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["0.1"] = 1, ["1"] = 2, ["+Inf"] = 3 }, buckets);
        Assert.Equal(2.55, Assert.Single(await Gateway.SamplesAsync("tests_push_latency_seconds_sum", group)).Value, 9);
        Assert.Equal(3, Assert.Single(await Gateway.SamplesAsync("tests_push_latency_seconds_count", group)).Value);

        var exponential = (await Gateway.SamplesAsync("tests_push_sizes_bytes_bucket", group))
            .Select(s => (Bound: s.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(s.Labels["le"], System.Globalization.CultureInfo.InvariantCulture), Count: s.Value))
            .OrderBy(b => b.Bound)
            .ToList();
        Assert.Equal(exponential.Select(b => b.Count).Order(), exponential.Select(b => b.Count));
        Assert.Equal(10, exponential.First(b => b.Bound >= 1000).Count);
        Assert.Equal(0, exponential.Last(b => b.Bound < 100).Count);
        Assert.Equal(10, exponential[^1].Count);
        Assert.Equal(5500, Assert.Single(await Gateway.SamplesAsync("tests_push_sizes_bytes_sum", group)).Value, 9);

        // The gateway took the push: its own record of the group's last push, and nothing counted as failed.
        Assert.Single(await Gateway.SamplesAsync("push_time_seconds", group));
        Assert.Equal(0, Assert.Single(await Gateway.SamplesAsync("push_failure_time_seconds", group)).Value);
        Assert.True(gate.Exported >= 5, $"the pushed points are counted as exported ({gate.Exported})");
        Assert.Equal(0, gate.Failed);
    }

    [Fact]
    public async Task EnvironmentVariable_DefaultsToServiceNameAndHostName()
    {
        using var meter = new Meter("Tests.PushGateway.Environment");
        var runs = meter.CreateCounter<long>("tests.push.env.runs");
        var vigil = TestVigil.Start(
            o =>
            {
                o.Service.Name = "push-env-test";
                o.Metrics.Meters.Add(meter.Name);
            },
            new Dictionary<string, string?> { [PushGatewaySinkOptions.EnvironmentVariable] = Gateway.Endpoint.AbsoluteUri });

        Assert.True(vigil.Sdk.Options.PushGateway.Enabled);
        runs.Add(1);
        vigil.Stop();

        var sample = Assert.Single(await Gateway.SamplesAsync("tests_push_env_runs_total", ("job", "push-env-test")));
        Assert.Equal(Environment.MachineName, sample.Labels["instance"]);
        Assert.Equal(1, sample.Value);
    }

    [Theory]
    [InlineData("nightly/backup ü", "rack 1/host.2")]
    [InlineData("..", "")]
    [InlineData("a%2Fb?c=d#e", "/")]
    public async Task HostileJobAndInstance_GroupedUnderExactlyThoseValues(string job, string instance)
    {
        using var meter = new Meter("Tests.PushGateway.Hostile");
        var runs = meter.CreateCounter<long>("tests.push.hostile.runs");
        var vigil = TestVigil.Start(o =>
        {
            Configure(o, meter, job);
            o.PushGateway.Instance = instance;
            o.PushGateway.Endpoint = Gateway.Endpoint;
        });

        runs.Add(3);
        vigil.Stop();

        // An empty instance is no label at all to Prometheus, whether written as instance="" or left out.
        var samples = (await Gateway.SamplesAsync("tests_push_hostile_runs_total", ("job", job)))
            .Where(s => s.Labels.GetValueOrDefault("instance", string.Empty) == instance);
        Assert.Equal(3, Assert.Single(samples).Value);
    }

    [Fact]
    public void GatewayDown_CountedAsFailed_StopStillCompletes()
    {
        using var meter = new Meter("Tests.PushGateway.Down");
        var runs = meter.CreateCounter<long>("tests.push.down.runs");
        var vigil = TestVigil.Start(o =>
        {
            Configure(o, meter, "down");
            o.PushGateway.Endpoint = new Uri($"http://127.0.0.1:{Vigil.Testing.LoopbackPorts.Free()}");
        });

        runs.Add(1);
        var gate = Gate(vigil.Sdk.Services);
        vigil.Stop();

        Assert.True(gate.Failed > 0, "the points that could not be pushed are counted as failed");
        Assert.Equal(0, gate.Exported);
    }

    [Fact]
    public async Task GenericHost_PushesWhenTheHostStops()
    {
        using var directory = new TempDirectory();
        using var meter = new Meter("Tests.PushGateway.Host");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory.Path });
        var context = new VigilStartupContext(directory.Path, new Dictionary<string, string?>(), builder.Configuration, builder.Environment.EnvironmentName);
        builder.Services.AddVigil(context, new SinkEnvironment(TextWriter.Null, false, new Dictionary<string, string?>(), directory.Path), o =>
        {
            Configure(o, meter, "hosted");
            o.Console.Enabled = false;
            o.Store.Enabled = false;
            o.Errors.CaptureUnhandled = false;
            o.PushGateway.Endpoint = Gateway.Endpoint;
        });

        using (var host = builder.Build())
        {
            await host.StartAsync();
            meter.CreateCounter<long>("tests.push.hosted.requests").Add(6);
            await host.StopAsync();
        }

        var sample = Assert.Single(await Gateway.SamplesAsync("tests_push_hosted_requests_total", ("job", "hosted"), ("instance", "host-a")));
        Assert.Equal(6, sample.Value);
    }
}
