using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Model.Json;

/// <summary>
/// The model's records as JSON, for tools and tests that keep or compare them. The query API does not use it: its wire
/// form is Vigil.Api.Contracts (with its own source-generated context), whose v1 JSON the contract tests pin byte for
/// byte to what these options write. Attribute values keep their type (long, double, bool, bytes, arrays) through a
/// round trip.
/// </summary>
public static class TelemetryJson
{
    /// <summary>
    /// camelCase names, enums as camelCase names (<c>"server"</c>, <c>"exponentialHistogram"</c>, <c>"spanEvent"</c>),
    /// attribute lists in the store's lossless form. Reading an enum name is case-insensitive, so the PascalCase names
    /// earlier servers wrote (<c>"Server"</c>) still read.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Rates and averages may be NaN or infinite; plain JSON numbers cannot say so.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        // One spelling for every endpoint, the one scripts compare against (`.status == "unresolved"`).
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new AttributeListJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
