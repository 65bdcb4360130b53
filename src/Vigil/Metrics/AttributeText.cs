using System.Buffers;
using System.Text;
using System.Text.Json;
using Vigil.Model.Json;

namespace Vigil.Metrics;

/// <summary>
/// An attribute value as the text of a tag or label (InfluxDB tags, Prometheus labels): a string as it is, a number or
/// boolean as the store's filters spell it, an array or map as the store's attribute JSON writes it.
/// </summary>
internal static class AttributeText
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => AttributeJson.ToFilterText(value) ?? JsonText(value),
    };

    private static string JsonText(object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueEncoder.WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
