using OpenTelemetry.Logs;
using Vigil.Logging;
using Vigil.Model;

namespace Vigil.LocalStore;

internal static partial class TelemetryMapper
{
    private const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>
    /// A log record as the OpenTelemetry data model has it: the category is the instrumentation
    /// scope, the rendered message the body, and the exception its semantic-convention fields.
    /// </summary>
    public static LogEntry ToLogEntry(LogRecord record, TelemetryResource resource, DateTimeOffset observed)
    {
        var severity = LogSeverity.GetSeverityNumber(record);
        var template = MessageTemplate.GetTemplate(record);
        var attributes = Copy(record.Attributes, skipKey: OriginalFormatKey);
        if (template is not null)
        {
            attributes.Add(new("log.template", template));
        }

        if (record.EventId.Id != 0)
        {
            attributes.Add(new("event.id", record.EventId.Id));
        }

        var exception = record.Exception;
        return new LogEntry
        {
            Timestamp = new DateTimeOffset(DateTime.SpecifyKind(record.Timestamp, DateTimeKind.Utc)),
            ObservedTimestamp = observed,
            SeverityNumber = severity,
            SeverityText = LogSeverity.GetLevelName(severity),
            Body = MessageTemplate.GetMessage(record, template),
            Attributes = attributes,
            TraceId = record.TraceId == default ? null : record.TraceId.ToHexString(),
            SpanId = record.SpanId == default ? null : record.SpanId.ToHexString(),
            TraceFlags = (int)record.TraceFlags,
            EventName = record.EventId.Name,
            ExceptionType = exception?.GetType().FullName,
            ExceptionMessage = exception is null ? null : ExceptionText.GetMessage(exception),
            ExceptionStackTrace = exception is null ? null : ExceptionText.GetFullText(exception),
            Scope = new InstrumentationScopeInfo { Name = record.CategoryName ?? string.Empty },
            Resource = resource,
        };
    }
}
