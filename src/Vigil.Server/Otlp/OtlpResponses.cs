using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Server.Otlp;

/// <summary>
/// Export responses; partial_success is set only when something was rejected, as the specification asks, or (metrics)
/// when exemplars were dropped: the specification lets a message with nothing rejected carry such a warning.
/// </summary>
internal static class OtlpResponses
{
    public static ExportTraceServiceResponse Trace(IngestResult result) => new()
    {
        PartialSuccess = result.Rejected == 0 ? null : new() { RejectedSpans = result.Rejected, ErrorMessage = result.ErrorMessage ?? string.Empty },
    };

    public static ExportLogsServiceResponse Logs(IngestResult result) => new()
    {
        PartialSuccess = result.Rejected == 0 ? null : new() { RejectedLogRecords = result.Rejected, ErrorMessage = result.ErrorMessage ?? string.Empty },
    };

    public static ExportMetricsServiceResponse Metrics(IngestResult result) => new()
    {
        PartialSuccess = result.Rejected == 0 && result.ErrorMessage is null ? null : new() { RejectedDataPoints = result.Rejected, ErrorMessage = result.ErrorMessage ?? string.Empty },
    };
}
