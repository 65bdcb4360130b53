using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Model.Json;

/// <summary>
/// The JSON shape of the store's query results on the wire: the server's query API writes it and
/// the CLI's remote store reads it, so both sides must use these options. Attribute values keep
/// their type (long, double, bool, bytes, arrays) through a round trip.
/// </summary>
public static class TelemetryJson
{
    /// <summary>
    /// camelCase names, enums as camelCase names (<c>"server"</c>, <c>"exponentialHistogram"</c>, <c>"spanEvent"</c>),
    /// attribute lists in the store's lossless form. Reading an enum name is case-insensitive, so the PascalCase names
    /// earlier servers wrote (<c>"Server"</c>) still read.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// The name <paramref name="value"/> has in this JSON (<c>"stackTrace"</c> for <see cref="FingerprintMethod.StackTrace"/>),
    /// for writers that build JSON by hand, such as the CLI's <c>--json</c> outputs, so they spell enums as the API does.
    /// </summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="value">A defined value.</param>
    /// <returns>The camelCase name.</returns>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

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
