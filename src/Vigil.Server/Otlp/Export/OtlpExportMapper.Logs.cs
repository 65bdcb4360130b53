using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Logs.V1;

namespace Vigil.Server.Otlp.Export;

internal static partial class OtlpExportMapper
{
    public static ExportLogsServiceRequest ToRequest(IEnumerable<LogEntry> logs)
    {
        var request = new ExportLogsServiceRequest();
        foreach (var (resource, scopes) in Group(logs, l => l.Resource, l => l.Scope))
        {
            var resourceLogs = new ResourceLogs { Resource = ToResource(resource), SchemaUrl = resource.SchemaUrl ?? string.Empty };
            foreach (var (scope, records) in scopes)
            {
                var scopeLogs = new ScopeLogs { Scope = ToScope(scope) };
                foreach (var log in records)
                {
                    scopeLogs.LogRecords.Add(ToRecord(log));
                }

                resourceLogs.ScopeLogs.Add(scopeLogs);
            }

            request.ResourceLogs.Add(resourceLogs);
        }

        return request;
    }

    private static LogRecord ToRecord(LogEntry log)
    {
        var record = new LogRecord
        {
            TimeUnixNano = ToUnixNano(log.Timestamp),
            ObservedTimeUnixNano = log.ObservedTimestamp is { } observed ? ToUnixNano(observed) : 0,
            SeverityNumber = (SeverityNumber)log.SeverityNumber,
            SeverityText = log.SeverityText ?? string.Empty,
            TraceId = Id(log.TraceId),
            SpanId = Id(log.SpanId),
            Flags = (uint)log.TraceFlags,
            EventName = log.EventName ?? string.Empty,
        };
        if (log.Body is not null)
        {
            record.Body = new() { StringValue = log.Body };
        }

        AddAttributes(record.Attributes, log.Attributes);

        // The receiver reads an exception from these attributes; a record whose exception came another way keeps it.
        AddMissing(record, "exception.type", log.ExceptionType);
        AddMissing(record, "exception.message", log.ExceptionMessage);
        AddMissing(record, "exception.stacktrace", log.ExceptionStackTrace);
        return record;
    }

    private static void AddMissing(LogRecord record, string key, string? value)
    {
        if (value is not null && !record.Attributes.Any(a => a.Key == key))
        {
            record.Attributes.Add(new Proto.Common.V1.KeyValue { Key = key, Value = new() { StringValue = value } });
        }
    }
}
