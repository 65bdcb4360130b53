using System.Diagnostics;
using OpenTelemetry;

namespace Vigil.Pipeline;

/// <summary>OpenTelemetry's batching span processor behind an <see cref="ExportQueueGate"/>.</summary>
internal sealed class BoundedSpanProcessor : BatchActivityExportProcessor
{
    private readonly ExportQueueGate _gate;

    public BoundedSpanProcessor(BaseExporter<Activity> exporter, ExportQueueGate gate, int maxBatchSize, int scheduledDelayMilliseconds)
        : base(new GatedExporter<Activity>(exporter, gate), gate.Capacity, scheduledDelayMilliseconds, PipelineDefaults.ExporterTimeoutMilliseconds, Math.Min(maxBatchSize, gate.Capacity))
    {
        _gate = gate;
    }

    public override void OnEnd(Activity data)
    {
        // Unsampled spans are not exported by the base either; they must not take a queue slot.
        if (data.Recorded && _gate.TryEnter())
        {
            base.OnEnd(data);
        }
    }
}
