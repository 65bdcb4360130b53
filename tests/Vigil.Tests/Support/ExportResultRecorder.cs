using System.Collections.Concurrent;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Vigil.Tests.Support;

/// <summary>
/// A processor that hands each record to an exporter as a batch of one, with no lock of its own
/// (unlike OpenTelemetry's SimpleLogRecordExportProcessor), and keeps every ExportResult. With it,
/// threads that log at once call the exporter's Export at once, and tests can see Failure results.
/// </summary>
internal sealed class ExportResultRecorder(BaseExporter<LogRecord> exporter) : BaseProcessor<LogRecord>
{
    private readonly ConcurrentQueue<ExportResult> _results = new();

    public IReadOnlyCollection<ExportResult> Results => _results;

    public override void OnEnd(LogRecord data) =>
        _results.Enqueue(exporter.Export(new Batch<LogRecord>([data], 1)));

    protected override bool OnShutdown(int timeoutMilliseconds) => exporter.Shutdown(timeoutMilliseconds);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            exporter.Dispose();
        }

        base.Dispose(disposing);
    }
}
