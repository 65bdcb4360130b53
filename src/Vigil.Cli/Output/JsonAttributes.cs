using System.Text.Json;

namespace Vigil.Cli.Output;

/// <summary>Writes attribute lists (see <c>TelemetryAttributes</c>) as JSON objects, keeping value types.</summary>
internal static class JsonAttributes
{
    /// <summary>Writes <paramref name="attributes"/> as the property <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        writer.WriteStartObject(name);
        foreach (var attribute in attributes)
        {
            writer.WritePropertyName(attribute.Key);
            WriteValue(writer, attribute.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one attribute value.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
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
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case double d:
                // JSON has no NaN or infinity; the text form keeps the information.
                writer.WriteStringValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
