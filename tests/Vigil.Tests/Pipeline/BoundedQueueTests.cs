using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Vigil.Pipeline;
using Vigil.Tests.Support;

namespace Vigil.Tests.Pipeline;

public sealed class BoundedQueueTests
{
    [Fact]
    public void TryEnter_QueueFull_DropsAndCountsWithoutBlocking()
    {
        var gate = new ExportQueueGate("test", "logs", capacity: 3);

        var admitted = Enumerable.Range(0, 10).Count(_ => gate.TryEnter());
        gate.Exit(2, exported: true);
        var admittedAfterExport = Enumerable.Range(0, 10).Count(_ => gate.TryEnter());

        Assert.Equal(3, admitted);
        Assert.Equal(2, admittedAfterExport);
        Assert.Equal(15, gate.Dropped);
        Assert.Equal(2, gate.Exported);
        Assert.Equal(3, gate.Pending);
    }

    [Fact]
    public void TryEnter_ManyThreads_NeverAdmitsMoreThanCapacity()
    {
        var gate = new ExportQueueGate("test", "logs", capacity: 1000);
        var admitted = 0;

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (gate.TryEnter())
                {
                    Interlocked.Increment(ref admitted);
                }
            }
        });

        Assert.Equal(1000, admitted);
        Assert.Equal(79_000, gate.Dropped);
    }

    [Fact]
    public void Log_SinkStalled_AppCarriesOnAndDropsAreCountedAsVigilMetric()
    {
        var stalled = new BlockingExporter<LogRecord>();
        using var vigil = TestVigil.Start(
            o =>
            {
                o.Export.MaxQueueSize = 10;
                o.Export.MaxBatchSize = 10;
            },
            configureServices: services => services.ConfigureOpenTelemetryLoggerProvider(b => b.AddProcessor(sp =>
                new BoundedLogRecordProcessor(stalled, sp.GetRequiredService<ExportQueueRegistry>().Create("stalled", "logs"), maxBatchSize: 10, scheduledDelayMilliseconds: 10))));
        using var dropped = new MetricCollector<long>(vigil.Sdk.Services.GetRequiredService<IMeterFactory>(), SdkMetrics.MeterName, "vigil.sdk.dropped");
        var logger = vigil.Sdk.CreateLogger("Flood");

        for (var i = 0; i < 1000; i++)
        {
            logger.LogWarning("record {Index}", i);
        }

        dropped.RecordObservableInstruments();
        stalled.Release();
        vigil.Stop();

        var drops = Assert.Single(dropped.GetMeasurementSnapshot(), m => (string?)m.Tags["sink"] == "stalled");
        Assert.Equal("logs", drops.Tags["signal"]);
        Assert.InRange(drops.Value, 990, 1000 - 1);
        Assert.Equal(1000, drops.Value + stalled.Exported);
        Assert.Equal(1000, vigil.LogExporter.Logs.Count);
    }

    [Fact]
    public void Span_SinkStalled_UnsampledSpansTakeNoSlotAndDropsAreCounted()
    {
        using var source = new ActivitySource("Tests.SpanFlood");
        var stalled = new BlockingExporter<Activity>();
        var gate = new ExportQueueGate("stalled", "spans", capacity: 5);
        using (var provider = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(source.Name)
            .AddProcessor(new BoundedSpanProcessor(stalled, gate, maxBatchSize: 5, scheduledDelayMilliseconds: 10))
            .Build())
        {
            for (var i = 0; i < 100; i++)
            {
                using var activity = source.StartActivity("span");
            }

            stalled.Release();
        }

        Assert.Equal(100, gate.Dropped + gate.Exported);
        Assert.InRange(gate.Dropped, 90, 99);
        Assert.Equal(0, gate.Pending);
    }
}
