using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Cli.Commands.Errors;

/// <summary>
/// <c>vigil errors show --json</c>: one JSON object, the group's fields (as in the list) plus
/// <c>stackTrace</c>, <c>hourly</c> (oldest first) and <c>events</c> (newest first).
/// </summary>
internal static class ErrorDetailJson
{
    /// <summary>Writes <paramref name="detail"/> as one line.</summary>
    public static void Write(TextWriter output, ErrorGroupDetail detail)
    {
        var lines = new JsonLines(output);
        lines.Write(json =>
        {
            ErrorGroupJson.WriteProperties(json, detail.Group);
            json.WriteString("stackTrace", detail.Group.StackTrace);
            json.WriteStartArray("hourly");
            foreach (var hour in detail.HourlyCounts)
            {
                json.WriteStartObject();
                json.WriteString("hour", hour.Hour);
                json.WriteNumber("count", hour.Count);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("events");
            foreach (var e in detail.LatestEvents)
            {
                json.WriteStartObject();
                json.WriteNumber("id", e.Id);
                json.WriteString("timestamp", e.Timestamp);
                json.WriteString("source", TelemetryJson.Name(e.Source));
                json.WriteString("service", e.ServiceName);
                json.WriteString("release", e.Release);
                json.WriteString("traceId", e.TraceId);
                json.WriteString("spanId", e.SpanId);
                json.WriteString("type", e.Type);
                json.WriteString("message", e.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
        lines.Flush();
    }
}
