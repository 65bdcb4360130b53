using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;
using Vigil.Tests.Support;

namespace Vigil.Tests.Pipeline;

public sealed class OtlpSinkTests
{
    private static bool Contains(byte[] body, string text) =>
        body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public void Otlp_HttpProtobuf_SendsLogsSpansAndMetricsWithResourceToSignalPaths()
    {
        using var collector = new OtlpHttpSink();
        using var source = new ActivitySource("Tests.Otlp");
        using var meter = new Meter("Tests.Otlp");
        var counter = meter.CreateCounter<long>("tests.otlp.orders");
        var vigil = TestVigil.Start(
            o =>
            {
                o.Service.Name = "otlp-test-service";
                o.Tracing.Sources.Add(source.Name);
                o.Metrics.Meters.Add(meter.Name);
            },
            environment: new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            });

        using (source.StartActivity("otlp-span"))
        {
            vigil.Sdk.CreateLogger("Otlp").LogWarning("otlp log with {Password}", "hunter2");
        }

        counter.Add(3);
        vigil.Dispose();

        // Spans of Vigil's own (shared, static) ActivitySource started by tests running in parallel may
        // arrive in further requests, so requests are picked by what they carry, not counted.
        var requests = collector.Requests;
        var logs = Assert.Single(requests, r => r.Path == "/v1/logs" && Contains(r.Body, "otlp log with"));
        var traces = Assert.Single(requests, r => r.Path == "/v1/traces" && Contains(r.Body, "otlp-span"));
        Assert.Contains(requests, r => r.Path == "/v1/metrics" && Contains(r.Body, "tests.otlp.orders"));
        Assert.Equal("application/x-protobuf", logs.ContentType);
        Assert.True(Contains(logs.Body, "otlp-test-service"), "the resource's service.name reached the collector");
        Assert.False(Contains(logs.Body, "hunter2"), "redaction happens before the OTLP exporter");
        Assert.True(Contains(traces.Body, "otlp-test-service"));
    }

    [Fact]
    public void Otlp_CollectorDown_AppCarriesOnAndDisposeReturns()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var vigil = TestVigil.Start(o =>
        {
            o.Otlp.Enabled = true;
            o.Otlp.Protocol = OtlpProtocol.HttpProtobuf;
            o.Otlp.Endpoint = new Uri($"http://127.0.0.1:{port}");
            o.Otlp.TimeoutMilliseconds = 500;
        });

        for (var i = 0; i < 100; i++)
        {
            vigil.Sdk.CreateLogger("Down").LogError("nobody is listening {Index}", i);
        }

        vigil.Dispose();

        Assert.Equal(100, vigil.LogExporter.Logs.Count);
    }
}
