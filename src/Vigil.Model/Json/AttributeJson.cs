using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Vigil.Model.Json;

/// <summary>
/// Attributes as the JSON text the store keeps, and read back from it. The writing rules (types, markers,
/// nesting limit) are <see cref="AttributeValueEncoder"/>'s; this class is their reading side.
/// </summary>
public static class AttributeJson
{
    private const string BytesMarker = AttributeValueEncoder.BytesMarker;
    private const string DoubleMarker = AttributeValueEncoder.DoubleMarker;

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

    public static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object?>> attributes) =>
        AttributeValueEncoder.WriteObject(writer, attributes);

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

    /// <summary>
    /// The bytes or double a one-member marker object carries; null for any other object (a map), which reads
    /// back as its JSON text. A map that merely has a member called <c>$bytes</c> must not make the record unreadable.
    /// </summary>
    private static object? ReadMarked(JsonElement element)
    {
        using var members = element.EnumerateObject();
        if (!members.MoveNext())
        {
            return null;
        }

        var only = members.Current;
        if (members.MoveNext() || only.Value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (only.NameEquals(BytesMarker) && only.Value.TryGetBytesFromBase64(out var bytes))
        {
            return bytes;
        }

        return only.NameEquals(DoubleMarker)
            && double.TryParse(only.Value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var special)
            ? special
            : null;
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
                return ReadMarked(element) ?? element.GetRawText();
            default:
                return null;
        }
    }
}
