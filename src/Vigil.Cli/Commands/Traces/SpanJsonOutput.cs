using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Cli.Commands.Traces;

/// <summary>Writes a trace's spans as JSON lines, in tree order, each marked <c>"type":"span"</c>.</summary>
internal static class SpanJsonOutput
{
    /// <summary>Writes <paramref name="tree"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<(SpanEntry Span, int Depth)> tree)
    {
        var lines = new JsonLines(output);
        foreach (var (span, depth) in tree)
        {
            lines.Write(json =>
            {
                json.WriteString("type", "span");
                json.WriteString("traceId", span.TraceId);
                json.WriteString("spanId", span.SpanId);
                json.WriteString("parentSpanId", span.ParentSpanId);
                json.WriteNumber("depth", depth);
                json.WriteString("name", span.Name);
                json.WriteString("kind", TelemetryJson.Name(span.Kind));
                json.WriteString("service", span.Resource.ServiceName);
                json.WriteString("startTime", span.StartTime);
                json.WriteString("endTime", span.EndTime);
                json.WriteNumber("durationMs", span.Duration.TotalMilliseconds);
                json.WriteString("status", TelemetryJson.Name(span.StatusCode));
                json.WriteString("statusMessage", span.StatusMessage);
                JsonAttributes.Write(json, "attributes", span.Attributes);
                json.WriteStartArray("events");
                foreach (var spanEvent in span.Events)
                {
                    json.WriteStartObject();
                    json.WriteString("name", spanEvent.Name);
                    json.WriteString("timestamp", spanEvent.Timestamp);
                    JsonAttributes.Write(json, "attributes", spanEvent.Attributes);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                JsonAttributes.Write(json, "resource", span.Resource.Attributes);
            });
        }

        lines.Flush();
    }
}
