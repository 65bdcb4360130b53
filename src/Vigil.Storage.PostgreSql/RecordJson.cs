using System.Text.Json;
using Vigil.Model.Json;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// A record kept whole in its row's <c>record</c> column: the Vigil.Model type as <see cref="TelemetryJson"/> writes
/// it (attributes through the one attribute encoder), so every field reads back as written.
/// </summary>
internal static class RecordJson
{
    public static string Write<T>(T record) => JsonSerializer.Serialize(record, TelemetryJson.Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, TelemetryJson.Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");
}
