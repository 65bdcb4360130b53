using System.Globalization;
using System.Text.Json;
using OpenTelemetry.Logs;
using Vigil.Model.Json;

namespace Vigil.Logging;

/// <summary>
/// The one JSON shape of a log record, shared by the file sink and the console's JSON mode:
/// <c>timestamp</c>, <c>level</c>, <c>severity_number</c>, <c>category</c>, <c>event_id</c>,
/// <c>event_name</c>, <c>template</c>, <c>message</c>, <c>attributes</c>, <c>trace_id</c>,
/// <c>span_id</c>, <c>exception</c>. Optional fields are left out rather than written as null.
/// Attribute values are written as the store and the query API write them (<see cref="AttributeValueEncoder"/>).
/// </summary>
internal static class LogRecordJsonFormatter
{
    // Property names encoded once, not per record.
    private static readonly JsonEncodedText s_timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText s_level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText s_severityNumber = JsonEncodedText.Encode("severity_number");
    private static readonly JsonEncodedText s_category = JsonEncodedText.Encode("category");
    private static readonly JsonEncodedText s_eventId = JsonEncodedText.Encode("event_id");
    private static readonly JsonEncodedText s_eventName = JsonEncodedText.Encode("event_name");
    private static readonly JsonEncodedText s_template = JsonEncodedText.Encode("template");
    private static readonly JsonEncodedText s_message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText s_attributes = JsonEncodedText.Encode("attributes");
    private static readonly JsonEncodedText s_traceId = JsonEncodedText.Encode("trace_id");
    private static readonly JsonEncodedText s_spanId = JsonEncodedText.Encode("span_id");
    private static readonly JsonEncodedText s_exception = JsonEncodedText.Encode("exception");
    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_stackTrace = JsonEncodedText.Encode("stacktrace");

    public static void Write(Utf8JsonWriter writer, LogRecord record)
    {
        var severityNumber = LogSeverity.GetSeverityNumber(record);
        var template = MessageTemplate.GetTemplate(record);

        writer.WriteStartObject();
        WriteTimestamp(writer, record.Timestamp);
        writer.WriteString(s_level, LogSeverity.GetLevelName(severityNumber));
        writer.WriteNumber(s_severityNumber, severityNumber);
        writer.WriteString(s_category, record.CategoryName ?? string.Empty);

        if (record.EventId.Id != 0)
        {
            writer.WriteNumber(s_eventId, record.EventId.Id);
        }

        if (record.EventId.Name is { } eventName)
        {
            writer.WriteString(s_eventName, eventName);
        }

        if (template is not null)
        {
            writer.WriteString(s_template, template);
        }

        writer.WriteString(s_message, MessageTemplate.GetMessage(record, template));
        WriteAttributes(writer, record.Attributes);

        if (record.TraceId != default)
        {
            // ActivityTraceId keeps its hex text, so this does not allocate.
            writer.WriteString(s_traceId, record.TraceId.ToHexString());
        }

        if (record.SpanId != default)
        {
            writer.WriteString(s_spanId, record.SpanId.ToHexString());
        }

        if (record.Exception is { } exception)
        {
            WriteException(writer, exception);
        }

        writer.WriteEndObject();
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, DateTime timestamp)
    {
        // Always UTC with all seven fractional digits, so the field sorts as text and parses everywhere.
        // The round-trip format "O" of a UTC DateTime is exactly that, and formats without parsing a pattern.
        var utc = timestamp.Kind switch
        {
            DateTimeKind.Local => timestamp.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(timestamp, DateTimeKind.Utc),
            _ => timestamp,
        };
        Span<char> text = stackalloc char[28];
        utc.TryFormat(text, out var written, "O", CultureInfo.InvariantCulture);
        writer.WriteString(s_timestamp, text[..written]);
    }

    private static void WriteAttributes(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object?>>? attributes)
    {
        writer.WriteStartObject(s_attributes);
        if (attributes is not null)
        {
            for (var i = 0; i < attributes.Count; i++)
            {
                var (key, value) = attributes[i];
                if (key == MessageTemplate.OriginalFormatKey || LogAttributes.IsDuplicate(attributes, i))
                {
                    continue;
                }

                writer.WritePropertyName(key);
                AttributeValueEncoder.WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteException(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject(s_exception);
        writer.WriteString(s_type, exception.GetType().FullName ?? exception.GetType().Name);
        writer.WriteString(s_message, ExceptionText.GetMessage(exception));
        writer.WriteString(s_stackTrace, ExceptionText.GetFullText(exception));
        writer.WriteEndObject();
    }
}
