using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Vigil.Logging;

/// <summary>
/// Writes an attribute value as the closest JSON type: numbers as numbers, booleans, strings,
/// sequences as arrays, anything else as its invariant-culture text. Never throws for a value:
/// a value whose ToString throws is written as a marker so the rest of the record survives.
/// </summary>
internal static class JsonAttributeValueWriter
{
    // Nested sequences deeper than this are written as text: a self-referencing collection must not recurse forever.
    private const int MaxDepth = 4;

    // A sequence longer than this is cut, so that one huge collection cannot blow up a line.
    private const int MaxArrayItems = 256;

    public static void Write(Utf8JsonWriter writer, object? value) => Write(writer, value, depth: 0);

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                WriteFloatingPoint(writer, number);
                break;
            case float number:
                WriteFloatingPoint(writer, number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case short number:
                writer.WriteNumberValue(number);
                break;
            case byte number:
                writer.WriteNumberValue(number);
                break;
            case sbyte number:
                writer.WriteNumberValue(number);
                break;
            case ushort number:
                writer.WriteNumberValue(number);
                break;
            case uint number:
                writer.WriteNumberValue(number);
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case DateTime time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IEnumerable sequence when depth < MaxDepth:
                WriteArray(writer, sequence, depth);
                break;
            default:
                writer.WriteStringValue(ToInvariantString(value));
                break;
        }
    }

    private static void WriteFloatingPoint(Utf8JsonWriter writer, double number)
    {
        // JSON has no NaN or infinity (Utf8JsonWriter throws on them), so those travel as text.
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable sequence, int depth)
    {
        writer.WriteStartArray();
        var count = 0;
        try
        {
            foreach (var item in sequence)
            {
                if (count++ == MaxArrayItems)
                {
                    writer.WriteStringValue("…");
                    break;
                }

                Write(writer, item, depth + 1);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
        {
            // A collection changed by the app while we read it: keep what was read, the array stays valid.
        }

        writer.WriteEndArray();
    }

    /// <summary>The value's invariant-culture text; a marker if the value's own ToString throws.</summary>
    public static string ToInvariantString(object value)
    {
        try
        {
            return (value is IFormattable formattable
                ? formattable.ToString(null, CultureInfo.InvariantCulture)
                : value.ToString()) ?? string.Empty;
        }
        catch (Exception exception)
        {
            // The value is the app's object: whatever its ToString throws must not lose the record.
            return $"<{value.GetType().Name}.ToString() threw {exception.GetType().Name}>";
        }
    }
}
