using System.Buffers;
using System.Text;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The JSON columns of the alert tables: label and annotation maps (objects of strings), the evidence record, and a
/// silence's matchers (an array of their texts, which parse back through <see cref="LabelMatcher.TryParse"/>). One
/// spelling for every engine, so a row reads back the same from a file and from a PostgreSQL database.
/// </summary>
public static class AlertJson
{
    /// <summary>Writes a map of strings as a JSON object.</summary>
    /// <param name="map">The labels or annotations.</param>
    /// <returns>The JSON text.</returns>
    public static string Map(IEnumerable<KeyValuePair<string, string>> map) => Write(writer =>
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    });

    /// <summary>Reads a JSON object written by <see cref="Map"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The map, compared ordinally.</returns>
    public static Dictionary<string, string> ReadMap(string json)
    {
        using var document = JsonDocument.Parse(json);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            map[property.Name] = property.Value.GetString() ?? string.Empty;
        }

        return map;
    }

    /// <summary>Writes an alert's evidence as a JSON object.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The JSON text.</returns>
    public static string Evidence(AlertEvidence evidence) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("logLines");
        foreach (var line in evidence.LogLines)
        {
            writer.WriteStringValue(line);
        }

        writer.WriteEndArray();
        WriteOptional(writer, "detail", evidence.Detail);
        if (evidence.ErrorGroupId is { } groupId)
        {
            writer.WriteNumber("errorGroupId", groupId);
        }

        WriteOptional(writer, "errorType", evidence.ErrorType);
        WriteOptional(writer, "errorMessage", evidence.ErrorMessage);
        WriteOptional(writer, "culprit", evidence.Culprit);
        WriteOptional(writer, "traceId", evidence.TraceId);
        writer.WriteEndObject();
    });

    /// <summary>Reads evidence written by <see cref="Evidence"/>; no evidence reads back as <see cref="AlertEvidence.None"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The evidence.</returns>
    public static AlertEvidence ReadEvidence(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var lines = root.TryGetProperty("logLines", out var array)
            ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
            : [];
        var evidence = new AlertEvidence
        {
            LogLines = lines,
            Detail = ReadOptional(root, "detail"),
            ErrorGroupId = root.TryGetProperty("errorGroupId", out var id) ? id.GetInt64() : null,
            ErrorType = ReadOptional(root, "errorType"),
            ErrorMessage = ReadOptional(root, "errorMessage"),
            Culprit = ReadOptional(root, "culprit"),
            TraceId = ReadOptional(root, "traceId"),
        };
        return lines.Length == 0 && evidence with { LogLines = AlertEvidence.None.LogLines } == AlertEvidence.None ? AlertEvidence.None : evidence;
    }

    /// <summary>Writes a silence's matchers as a JSON array of their texts.</summary>
    /// <param name="matchers">The matchers.</param>
    /// <returns>The JSON text.</returns>
    public static string Matchers(IEnumerable<LabelMatcher> matchers) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var matcher in matchers)
        {
            writer.WriteStringValue(matcher.ToString());
        }

        writer.WriteEndArray();
    });

    /// <summary>Reads matchers back; each was written by <see cref="LabelMatcher.ToString"/> and so parses.</summary>
    /// <param name="json">The JSON text written by <see cref="Matchers"/>.</param>
    /// <returns>The matchers.</returns>
    /// <exception cref="InvalidDataException">A stored matcher does not parse.</exception>
    public static LabelMatcher[] ReadMatchers(string json)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. document.RootElement.EnumerateArray().Select(e =>
                LabelMatcher.TryParse(e.GetString() ?? string.Empty, out var matcher, out var problem)
                    ? matcher!
                    : throw new InvalidDataException($"A stored silence matcher does not parse: {problem}")),
        ];
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static string? ReadOptional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
