using Vigil.Server.Ingest;

namespace Vigil.Server.Otlp;

/// <summary>
/// Records a refused OTLP request: one warning line with no stack trace (a refusal is the sender's fault, not the
/// server's, and a flood of them must not bury the log) and a count by reason on <c>/metrics</c>.
/// </summary>
internal sealed class OtlpRefusals(IngestStatistics statistics, ILogger<OtlpRefusals> logger)
{
    public void Record(HttpContext context, OtlpTransport transport, OtlpRefusalReason reason, string message)
    {
        Log.RequestRefused(
            logger,
            transport == OtlpTransport.Grpc ? "OTLP/gRPC" : "OTLP/HTTP",
            context.Request.Path.Value ?? string.Empty,
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            message);

        // After the log line, so that a reader who sees the count also finds the line.
        statistics.RecordRefused(transport, reason);
    }
}
