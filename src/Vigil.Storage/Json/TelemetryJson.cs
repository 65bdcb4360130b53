using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Storage.Json;

/// <summary>
/// The JSON shape of the store's query results on the wire: the server's query API writes it and
/// the CLI's remote store reads it, so both sides must use these options. Attribute values keep
/// their type (long, double, bool, bytes, arrays) through a round trip.
/// </summary>
public static class TelemetryJson
{
    /// <summary>camelCase names, enums as names, attribute lists in the store's lossless form.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Rates and averages may be NaN or infinite; plain JSON numbers cannot say so.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new AttributeListJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
