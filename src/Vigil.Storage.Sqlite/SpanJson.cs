using System.Buffers;
using System.Text;
using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Span events and links as JSON arrays (they are only ever read with their span).</summary>
internal static class SpanJson
{
    public static string SerializeEvents(IReadOnlyList<SpanEventEntry> events)
    {
        if (events.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in events)
            {
                writer.WriteStartObject();
                writer.WriteString("name", item.Name);
                writer.WriteNumber("time", UnixTime.ToNanoseconds(item.Timestamp));
                writer.WritePropertyName("attributes");
                AttributeJson.WriteObject(writer, item.Attributes);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string SerializeLinks(IReadOnlyList<SpanLinkEntry> links)
    {
        if (links.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var link in links)
            {
                writer.WriteStartObject();
                writer.WriteString("traceId", link.TraceId.ToLowerInvariant());
                writer.WriteString("spanId", link.SpanId.ToLowerInvariant());
                if (link.TraceState is not null)
                {
                    writer.WriteString("traceState", link.TraceState);
                }

                writer.WritePropertyName("attributes");
                AttributeJson.WriteObject(writer, link.Attributes);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<SpanEventEntry> DeserializeEvents(string json)
    {
        using var document = JsonDocument.Parse(json);
        var events = new List<SpanEventEntry>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            events.Add(new SpanEventEntry
            {
                Name = element.GetProperty("name").GetString() ?? string.Empty,
                Timestamp = UnixTime.FromNanoseconds(element.GetProperty("time").GetInt64()),
                Attributes = AttributeJson.ReadObject(element.GetProperty("attributes")),
            });
        }

        return events;
    }

    public static IReadOnlyList<SpanLinkEntry> DeserializeLinks(string json)
    {
        using var document = JsonDocument.Parse(json);
        var links = new List<SpanLinkEntry>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            links.Add(new SpanLinkEntry
            {
                TraceId = element.GetProperty("traceId").GetString() ?? string.Empty,
                SpanId = element.GetProperty("spanId").GetString() ?? string.Empty,
                TraceState = element.TryGetProperty("traceState", out var state) ? state.GetString() : null,
                Attributes = AttributeJson.ReadObject(element.GetProperty("attributes")),
            });
        }

        return links;
    }
}
