using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Vigil.Model.Json;

/// <summary>
/// The one way Vigil writes attribute values as JSON: the store's columns, the query API, the CLI's
/// <c>--json</c> and the SDK's JSON-lines file sink all use it, so a value reads back the same everywhere.
/// </summary>
/// <remarks>
/// The rules, chosen so that every record written can be read back with its types:
/// <list type="bullet">
/// <item>null, strings and booleans as themselves; every integer type as a JSON integer (a <c>ulong</c> past
/// <see cref="long.MaxValue"/> as its text, since the store keeps 64-bit signed integers).</item>
/// <item>finite doubles (and floats, decimals) always with a fraction or exponent (<c>1.0</c>), so that they do not
/// read back as integers; NaN and ±infinity, which JSON has no number for, as
/// <c>{"$double": "NaN"}</c>, <c>{"$double": "Infinity"}</c>, <c>{"$double": "-Infinity"}</c>.</item>
/// <item>bytes as <c>{"$bytes": "base64"}</c>: a string would read back as text, a number array as a list.</item>
/// <item>dates as ISO 8601 round-trip text; sequences as arrays; string-keyed dictionaries as objects; anything
/// else as its invariant-culture <c>ToString()</c> (a marker if that throws, so the record survives).</item>
/// <item>arrays and maps nest at most <see cref="MaxDepth"/> levels below the attribute; a value deeper than that
/// is written as the text <see cref="TooDeep"/>. A self-referencing collection or hostile input (10,000 levels)
/// then cannot overflow the stack, and every record stays within the nesting that
/// <see cref="JsonDocument"/> and the query API read (64 levels, envelopes included).</item>
/// </list>
/// </remarks>
public static class AttributeValueEncoder
{
    /// <summary>How many levels of arrays or maps an attribute value may nest; deeper values become <see cref="TooDeep"/>.</summary>
    public const int MaxDepth = 8;

    /// <summary>The text written in place of a value nested deeper than <see cref="MaxDepth"/>.</summary>
    public const string TooDeep = "…";

    /// <summary>The member name of the one-member object that carries bytes (base64).</summary>
    public const string BytesMarker = "$bytes";

    /// <summary>The member name of the one-member object that carries a NaN or infinite double.</summary>
    public const string DoubleMarker = "$double";

    /// <summary>Writes an attribute list as a JSON object, in its original key order.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="attributes">The attributes.</param>
    public static void WriteObject(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(attributes);
        writer.WriteStartObject();
        foreach (var attribute in attributes)
        {
            writer.WritePropertyName(attribute.Key);
            WriteValue(writer, attribute.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one attribute value by the rules above.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Write(writer, value, depth: 0);
    }

    /// <summary>The value's invariant-culture text; a marker naming the failure if the value's own <c>ToString</c> throws.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string ToText(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
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
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case short number:
                writer.WriteNumberValue(number);
                break;
            case sbyte number:
                writer.WriteNumberValue(number);
                break;
            case byte number:
                writer.WriteNumberValue(number);
                break;
            case ushort number:
                writer.WriteNumberValue(number);
                break;
            case uint number:
                writer.WriteNumberValue(number);
                break;
            case ulong number when number <= long.MaxValue:
                writer.WriteNumberValue(number);
                break;
            case double number:
                WriteDouble(writer, number);
                break;
            case float number:
                WriteDouble(writer, number);
                break;
            case decimal number:
                WriteDouble(writer, (double)number);
                break;
            case char character:
                writer.WriteStringValue(character.ToString());
                break;
            case DateTime time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time.ToString("O", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteStartObject();
                writer.WriteBase64String(BytesMarker, bytes);
                writer.WriteEndObject();
                break;
            case IEnumerable when depth >= MaxDepth:
                writer.WriteStringValue(TooDeep);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteMap(writer, map, depth);
                break;
            case IEnumerable sequence:
                WriteArray(writer, sequence, depth);
                break;
            default:
                writer.WriteStringValue(ToText(value));
                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double number)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            writer.WriteStartObject();
            writer.WriteString(DoubleMarker, text);
            writer.WriteEndObject();
            return;
        }

        if (text.AsSpan().IndexOfAny(".eE") < 0)
        {
            // Keep the value a double when read back: "1" would come back as a long.
            text += ".0";
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable sequence, int depth)
    {
        writer.WriteStartArray();
        try
        {
            foreach (var item in sequence)
            {
                Write(writer, item, depth + 1);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
        {
            // A collection changed by the app while we read it: keep what was read, the array stays valid.
        }

        writer.WriteEndArray();
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> map, int depth)
    {
        writer.WriteStartObject();
        try
        {
            foreach (var entry in map)
            {
                writer.WritePropertyName(entry.Key);
                Write(writer, entry.Value, depth + 1);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or NotSupportedException)
        {
            // As for arrays: the members read so far stay, the object stays valid.
        }

        writer.WriteEndObject();
    }
}
