using System.Diagnostics.Metrics;

namespace Vigil.Pipeline;

/// <summary>
/// Vigil's figures about itself, on the <c>Vigil.Sdk</c> meter: what each sink exported, failed to
/// export and dropped because its queue was full, and how full each queue is now.
/// </summary>
internal sealed class SdkMetrics
{
    public const string MeterName = "Vigil.Sdk";

    public SdkMetrics(IMeterFactory meterFactory, ExportQueueRegistry queues)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("vigil.sdk.dropped", () => Measure(queues, g => g.Dropped), "{item}", "Items a sink dropped because its queue was full.");
        meter.CreateObservableCounter("vigil.sdk.exported", () => Measure(queues, g => g.Exported), "{item}", "Items a sink exported.");
        meter.CreateObservableCounter("vigil.sdk.export_failed", () => Measure(queues, g => g.Failed), "{item}", "Items a sink failed to export.");
        meter.CreateObservableUpDownCounter("vigil.sdk.queue.size", () => Measure(queues, g => g.Pending), "{item}", "Items waiting in a sink's queue.");
    }

    private static IEnumerable<Measurement<long>> Measure(ExportQueueRegistry queues, Func<ExportQueueGate, long> read) =>
        queues.Gates.Select(gate => new Measurement<long>(
            read(gate),
            new KeyValuePair<string, object?>("sink", gate.Sink),
            new KeyValuePair<string, object?>("signal", gate.Signal)));
}
