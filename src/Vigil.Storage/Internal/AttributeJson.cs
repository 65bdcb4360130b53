using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Vigil.Storage.Internal;

/// <summary>
/// Attributes as JSON text: an object in the original key order. JSON cannot tell a double 1.0
/// from a long 1, nor bytes from a string, so doubles always carry a fraction or exponent and
/// bytes and non-finite doubles are wrapped in a one-member object.
/// </summary>
internal static class AttributeJson
{
    private const string BytesMarker = "$bytes";
    private const string DoubleMarker = "$double";

    public static string Serialize(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        if (attributes.Count == 0)
        {
            return "{}";
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteObject(writer, attributes);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        writer.WriteStartObject();
        foreach (var attribute in attributes)
        {
            writer.WritePropertyName(attribute.Key);
            WriteValue(writer, attribute.Value);
        }

        writer.WriteEndObject();
    }

    public static IReadOnlyList<KeyValuePair<string, object?>> Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "{}")
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return ReadObject(document.RootElement);
    }

    public static IReadOnlyList<KeyValuePair<string, object?>> ReadObject(JsonElement element)
    {
        var result = new List<KeyValuePair<string, object?>>();
        foreach (var property in element.EnumerateObject())
        {
            result.Add(new(property.Name, ReadValue(property.Value)));
        }

        return result;
    }

    public static string? ToFilterText(object? value) => Normalize(value) switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Maps the many CLR types callers pass to the few the store keeps.</summary>
    private static object? Normalize(object? value) => value switch
    {
        null or string or bool or long or double or byte[] => value,
        int i => (long)i,
        short s => (long)s,
        sbyte sb => (long)sb,
        byte b => (long)b,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul when ul <= long.MaxValue => (long)ul,
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        IEnumerable => value,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static void WriteValue(Utf8JsonWriter writer, object? raw)
    {
        switch (Normalize(raw))
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d:
                WriteDouble(writer, d);
                break;
            case byte[] bytes:
                writer.WriteStartObject();
                writer.WriteBase64String(BytesMarker, bytes);
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case var other:
                writer.WriteStringValue(other.ToString());
                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (!double.IsFinite(d))
        {
            writer.WriteStartObject();
            writer.WriteString(DoubleMarker, d.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            return;
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".eE") < 0)
        {
            // Keep the value a double when read back: "1" would come back as a long.
            text += ".0";
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    private static object? ReadValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                var raw = element.GetRawText();
                return raw.AsSpan().IndexOfAny(".eE") >= 0 ? element.GetDouble() : (object)element.GetInt64();
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[index++] = ReadValue(item);
                }

                return items;
            case JsonValueKind.Object:
                if (element.TryGetProperty(BytesMarker, out var bytes))
                {
                    return bytes.GetBytesFromBase64();
                }

                if (element.TryGetProperty(DoubleMarker, out var special))
                {
                    return double.Parse(special.GetString()!, CultureInfo.InvariantCulture);
                }

                return element.GetRawText();
            default:
                return null;
        }
    }
}
