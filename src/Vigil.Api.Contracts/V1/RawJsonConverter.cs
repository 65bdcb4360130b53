using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>
/// Writes an attribute object exactly as its writer produced it. Re-serialising a <see cref="JsonElement"/> would
/// re-escape its strings (base64's <c>+</c> as <c>\u002B</c>), so the wire would no longer be the store encoder's bytes.
/// </summary>
internal sealed class RawJsonConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.GetRawText(), skipInputValidation: true);
}
