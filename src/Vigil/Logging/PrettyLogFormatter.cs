using System.Collections;
using System.Globalization;
using System.Text;
using OpenTelemetry.Logs;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Logging;

/// <summary>
/// One human-readable line per record, for a developer watching a terminal:
/// <c>14:03:07.123 INF Orders.Checkout: Order 42 placed user=7 trace=… span=…</c>,
/// then the exception, if any, on indented lines. The time is the machine's local time of day,
/// because that is the clock the person at the terminal reads; the JSON form carries full UTC
/// timestamps. Attributes already shown in the message (the template's holes) are not repeated.
/// Not thread-safe; used under the exporter's lock.
/// </summary>
internal sealed class PrettyLogFormatter
{
    private const string ExceptionIndent = "    ";

    // An attribute holding a long sequence shows its first items only.
    private const int MaxSequenceItems = 16;

    private readonly bool _useColor;
    private readonly CategoryShortener _categories = new();

    public PrettyLogFormatter(bool useColor)
    {
        _useColor = useColor;
    }

    /// <summary>Appends the record's line(s), each ending in <c>\n</c>.</summary>
    public void Format(LogRecord record, StringBuilder builder)
    {
        var severityNumber = LogSeverity.GetSeverityNumber(record);
        var band = LogSeverity.GetBand(severityNumber);
        var template = MessageTemplate.GetTemplate(record);

        var local = record.Timestamp.Kind == DateTimeKind.Local ? record.Timestamp : record.Timestamp.ToLocalTime();
        StartStyle(builder, AnsiStyle.Dim);
        builder.Append(CultureInfo.InvariantCulture, $"{local:HH:mm:ss.fff}");
        EndStyle(builder);
        builder.Append(' ');

        StartStyle(builder, AnsiStyle.ForBand(band));
        builder.Append(LogSeverity.GetShortName(severityNumber));
        EndStyle(builder);
        builder.Append(' ');

        if (!string.IsNullOrEmpty(record.CategoryName))
        {
            StartStyle(builder, AnsiStyle.Dim);
            ConsoleText.AppendSafe(builder, _categories.Shorten(record.CategoryName));
            builder.Append(':');
            EndStyle(builder);
            builder.Append(' ');
        }

        ConsoleText.AppendSafe(builder, MessageTemplate.GetMessage(record, template));
        AppendAttributes(builder, record.Attributes, template);

        if (record.TraceId != default)
        {
            AppendKey(builder, "trace");
            builder.Append(record.TraceId.ToHexString());
        }

        if (record.SpanId != default)
        {
            AppendKey(builder, "span");
            builder.Append(record.SpanId.ToHexString());
        }

        builder.Append('\n');

        if (record.Exception is { } exception)
        {
            AppendException(builder, exception);
        }
    }

    private void AppendAttributes(StringBuilder builder, IReadOnlyList<KeyValuePair<string, object?>>? attributes, string? template)
    {
        if (attributes is null)
        {
            return;
        }

        for (var i = 0; i < attributes.Count; i++)
        {
            var (key, value) = attributes[i];
            // The exception's identity is for stores to count it once; on a terminal it is noise.
            if (key == MessageTemplate.OriginalFormatKey
                || key == ExceptionIdentity.AttributeName
                || MessageTemplate.HasPlaceholder(template, key)
                || LogAttributes.IsDuplicate(attributes, i))
            {
                continue;
            }

            AppendKey(builder, key);
            ConsoleText.AppendValue(builder, FormatValue(value));
        }
    }

    private void AppendKey(StringBuilder builder, string key)
    {
        builder.Append(' ');
        StartStyle(builder, AnsiStyle.Dim);
        ConsoleText.AppendSafe(builder, key);
        builder.Append('=');
        EndStyle(builder);
    }

    private void AppendException(StringBuilder builder, Exception exception)
    {
        var text = ExceptionText.GetFullText(exception).AsSpan();
        foreach (var range in text.Split('\n'))
        {
            var line = text[range].TrimEnd('\r');
            builder.Append(ExceptionIndent);
            StartStyle(builder, AnsiStyle.Red);
            ConsoleText.AppendSafe(builder, line);
            EndStyle(builder);
            builder.Append('\n');
        }
    }

    private static string FormatValue(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                return text;
            case bool flag:
                return flag ? "true" : "false";
            case IEnumerable sequence:
                var joined = new StringBuilder("[");
                var count = 0;
                try
                {
                    foreach (var item in sequence)
                    {
                        if (count > 0)
                        {
                            joined.Append(", ");
                        }

                        if (count++ == MaxSequenceItems)
                        {
                            joined.Append('…');
                            break;
                        }

                        joined.Append(item is null ? "null" : AttributeValueEncoder.ToText(item));
                    }
                }
                catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
                {
                    // The app changed the collection while we read it: show what was read.
                }

                return joined.Append(']').ToString();
            default:
                return AttributeValueEncoder.ToText(value);
        }
    }

    private void StartStyle(StringBuilder builder, string style)
    {
        if (_useColor)
        {
            builder.Append(style);
        }
    }

    private void EndStyle(StringBuilder builder)
    {
        if (_useColor)
        {
            builder.Append(AnsiStyle.Reset);
        }
    }
}
