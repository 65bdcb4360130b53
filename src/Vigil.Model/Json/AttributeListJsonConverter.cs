using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Model.Json;

/// <summary>
/// Writes attribute lists as the JSON object the store keeps them in (see <see cref="AttributeJson"/>),
/// so a double stays a double and bytes stay bytes when a remote reader gets them back.
/// </summary>
internal sealed class AttributeListJsonConverter : JsonConverter<IReadOnlyList<KeyValuePair<string, object?>>>
{
    public override IReadOnlyList<KeyValuePair<string, object?>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.ValueKind == JsonValueKind.Object ? AttributeJson.ReadObject(document.RootElement) : [];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, object?>> value, JsonSerializerOptions options) =>
        AttributeJson.WriteObject(writer, value);
}
