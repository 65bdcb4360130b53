using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Logs;

/// <summary>One JSON object per record with every field, for scripts (<c>--json</c>).</summary>
internal sealed class LogJsonOutput : ILogOutput
{
    private readonly JsonLines _lines;
    private readonly string? _recordType;

    /// <summary>Writes to <paramref name="output"/>; <paramref name="recordType"/>, when set, becomes a leading <c>"type"</c> property (for outputs that mix records).</summary>
    public LogJsonOutput(TextWriter output, string? recordType = null)
    {
        _lines = new JsonLines(output);
        _recordType = recordType;
    }

    /// <inheritdoc />
    public void Write(IReadOnlyList<LogEntry> entries)
    {
        foreach (var entry in entries)
        {
            _lines.Write(json =>
            {
                if (_recordType is not null)
                {
                    json.WriteString("type", _recordType);
                }

                json.WriteNumber("sequence", entry.Sequence);
                json.WriteString("timestamp", entry.Timestamp);
                if (entry.ObservedTimestamp is { } observed)
                {
                    json.WriteString("observedTimestamp", observed);
                }

                json.WriteString("level", LevelNames.Short(entry.SeverityNumber));
                json.WriteNumber("severityNumber", entry.SeverityNumber);
                json.WriteString("severityText", entry.SeverityText);
                json.WriteString("body", entry.Body);
                json.WriteString("service", entry.Resource.ServiceName);
                json.WriteString("traceId", entry.TraceId);
                json.WriteString("spanId", entry.SpanId);
                json.WriteNumber("traceFlags", entry.TraceFlags);
                json.WriteString("eventName", entry.EventName);
                if (entry.ExceptionType is not null || entry.ExceptionMessage is not null || entry.ExceptionStackTrace is not null)
                {
                    json.WriteStartObject("exception");
                    json.WriteString("type", entry.ExceptionType);
                    json.WriteString("message", entry.ExceptionMessage);
                    json.WriteString("stackTrace", entry.ExceptionStackTrace);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("exception");
                }

                JsonAttributes.Write(json, "attributes", entry.Attributes);
                JsonAttributes.Write(json, "resource", entry.Resource.Attributes);
                json.WriteStartObject("scope");
                json.WriteString("name", entry.Scope.Name);
                json.WriteString("version", entry.Scope.Version);
                json.WriteEndObject();
            });
        }

        _lines.Flush();
    }
}
