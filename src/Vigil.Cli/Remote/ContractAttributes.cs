using System.Text.Json;
using Vigil.Model.Json;

namespace Vigil.Cli.Remote;

/// <summary>The contract's attribute objects back as the model's lists, by the store's own reader (<see cref="AttributeJson"/>).</summary>
internal static class ContractAttributes
{
    // Anything but an object (absent, null) reads as no attributes, as the store reads an empty column.
    public static IReadOnlyList<KeyValuePair<string, object?>> ToModel(JsonElement attributes) =>
        attributes.ValueKind == JsonValueKind.Object ? AttributeJson.ReadObject(attributes) : [];
}
