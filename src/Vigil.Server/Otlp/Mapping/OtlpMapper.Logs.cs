using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Logs.V1;

namespace Vigil.Server.Otlp.Mapping;

internal static partial class OtlpMapper
{
    // Semantic conventions for exceptions recorded on a log record (opentelemetry.io, semconv "exceptions").
    private const string ExceptionTypeKey = "exception.type";
    private const string ExceptionMessageKey = "exception.message";
    private const string ExceptionStackTraceKey = "exception.stacktrace";

    public static OtlpMappingResult MapLogs(ExportLogsServiceRequest request)
    {
        var logs = new List<LogEntry>(CountLogs(request));
        var rejected = new RejectionTally();
        var traceIds = new RecentId();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = MapResource(resourceLogs.Resource, resourceLogs.SchemaUrl);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scope = MapScope(scopeLogs.Scope);
                foreach (var record in scopeLogs.LogRecords)
                {
                    if (TryMapLog(record, scope, resource, rejected, traceIds) is { } entry)
                    {
                        logs.Add(entry);
                    }
                }
            }
        }

        return new(new TelemetryBatch { Logs = logs }, logs.Count, rejected.Count, rejected.Message);
    }

    private static int CountLogs(ExportLogsServiceRequest request)
    {
        var count = 0;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                count += scopeLogs.LogRecords.Count;
            }
        }

        return count;
    }

    private static LogEntry? TryMapLog(LogRecord record, InstrumentationScopeInfo scope, TelemetryResource resource, RejectionTally rejected, RecentId traceIds)
    {
        if (!OtlpIds.TryOptional(record.TraceId, OtlpIds.TraceIdLength, out var traceId, traceIds))
        {
            rejected.Reject($"log record: trace_id must be empty or {OtlpIds.TraceIdLength} bytes (got {record.TraceId.Length})");
            return null;
        }

        if (!OtlpIds.TryOptional(record.SpanId, OtlpIds.SpanIdLength, out var spanId))
        {
            rejected.Reject($"log record: span_id must be empty or {OtlpIds.SpanIdLength} bytes (got {record.SpanId.Length})");
            return null;
        }

        var attributes = MapAttributes(record.Attributes);

        // time_unix_nano is optional; the specification says to use the observed time when it is absent.
        var observed = FromUnixNanoOrNull(record.ObservedTimeUnixNano);
        var timestamp = FromUnixNanoOrNull(record.TimeUnixNano) ?? observed ?? DateTimeOffset.UtcNow;
        return new LogEntry
        {
            Timestamp = timestamp,
            ObservedTimestamp = observed,
            SeverityNumber = Math.Clamp((int)record.SeverityNumber, 0, 24),
            SeverityText = record.SeverityText.Length == 0 ? null : record.SeverityText,
            Body = BodyText(record.Body),
            Attributes = attributes,
            TraceId = traceId,
            SpanId = spanId,
            TraceFlags = (int)(record.Flags & (uint)LogRecordFlags.TraceFlagsMask),
            EventName = record.EventName.Length == 0 ? null : record.EventName,
            ExceptionType = Find(attributes, ExceptionTypeKey),
            ExceptionMessage = Find(attributes, ExceptionMessageKey),
            ExceptionStackTrace = Find(attributes, ExceptionStackTraceKey),
            Scope = scope,
            Resource = resource,
        };
    }

    private static string? Find(IReadOnlyList<KeyValuePair<string, object?>> attributes, string key)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value as string;
            }
        }

        return null;
    }
}
