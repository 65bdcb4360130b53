using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Storage.Json;

namespace Vigil.Server.Api;

/// <summary>
/// The JSON of the error and health endpoints: <see cref="TelemetryJson.Options"/> with enums in camelCase
/// (<c>"unresolved"</c>, <c>"critical"</c>, <c>"spanEvent"</c>), the API's spelling for values a script compares.
/// The earlier endpoints keep their documented names (<c>"Error"</c>). Readers of either accept both, because
/// reading an enum name is case-insensitive.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(TelemetryJson.Options);

        // First in the list, so it wins over the shared options' PascalCase enum converter.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
