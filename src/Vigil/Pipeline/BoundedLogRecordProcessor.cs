using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Vigil.Pipeline;

/// <summary>
/// OpenTelemetry's batching processor behind an <see cref="ExportQueueGate"/>. Deriving from
/// <see cref="BatchLogRecordExportProcessor"/> keeps the SDK's pooled, copy-free log records.
/// </summary>
internal sealed class BoundedLogRecordProcessor : BatchLogRecordExportProcessor
{
    private readonly ExportQueueGate _gate;

    public BoundedLogRecordProcessor(BaseExporter<LogRecord> exporter, ExportQueueGate gate, int maxBatchSize, int scheduledDelayMilliseconds)
        : base(new GatedExporter<LogRecord>(exporter, gate), gate.Capacity, scheduledDelayMilliseconds, PipelineDefaults.ExporterTimeoutMilliseconds, Math.Min(maxBatchSize, gate.Capacity))
    {
        _gate = gate;
    }

    public override void OnEnd(LogRecord data)
    {
        if (_gate.TryEnter())
        {
            base.OnEnd(data);
        }
    }
}
