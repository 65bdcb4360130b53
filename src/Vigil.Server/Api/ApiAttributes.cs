using System.Buffers;
using System.Text.Json;
using Vigil.Model.Json;

namespace Vigil.Server.Api;

/// <summary>
/// Attribute lists as the contract carries them: the JSON object <see cref="AttributeValueEncoder"/> writes (the
/// store's lossless form), so the contract needs no dependency on the model and the wire bytes stay the encoder's.
/// </summary>
internal static class ApiAttributes
{
    private static readonly JsonElement s_empty = Parse("{}"u8);

    public static JsonElement From(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        if (attributes.Count == 0)
        {
            return s_empty;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            AttributeValueEncoder.WriteObject(writer, attributes);
        }

        return Parse(buffer.WrittenSpan);
    }

    // The encoder caps nesting below JsonDocument's default depth, so what it wrote always parses.
    private static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
