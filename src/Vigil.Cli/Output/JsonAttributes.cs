using System.Globalization;
using System.Text.Json;
using Vigil.Model.Json;

namespace Vigil.Cli.Output;

/// <summary>
/// Writes attribute lists (see <c>TelemetryAttributes</c>) as the store and the query API write them
/// (<see cref="AttributeValueEncoder"/>), so <c>--json</c> keeps value types and nests no deeper than the store; and
/// metric readings, which are plain numbers.
/// </summary>
internal static class JsonAttributes
{
    /// <summary>Writes <paramref name="attributes"/> as the property <paramref name="name"/>.</summary>
    public static void Write(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        writer.WritePropertyName(name);
        AttributeValueEncoder.WriteObject(writer, attributes);
    }

    /// <summary>Writes one metric reading: null, a number, or NaN / ±infinity as the query API's text (<c>"NaN"</c>, <c>"Infinity"</c>).</summary>
    public static void WriteReading(Utf8JsonWriter writer, double? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case { } d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case { } d:
                // JSON has no NaN or infinity; the text form keeps the information.
                writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
        }
    }
}
