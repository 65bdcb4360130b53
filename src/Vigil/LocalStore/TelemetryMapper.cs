using Vigil.Model;

namespace Vigil.LocalStore;

/// <summary>
/// Turns OpenTelemetry's in-process records into the store's write model, which follows the OTLP
/// data model field for field. Split by signal into partial files.
/// </summary>
internal static partial class TelemetryMapper
{
    public static TelemetryResource ToResource(IReadOnlyDictionary<string, object> attributes) =>
        new() { Attributes = [.. attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value))] };

    private static List<KeyValuePair<string, object?>> Copy(IEnumerable<KeyValuePair<string, object?>>? attributes, string? skipKey = null)
    {
        if (attributes is null)
        {
            return [];
        }

        var copy = new List<KeyValuePair<string, object?>>();
        foreach (var attribute in attributes)
        {
            if (attribute.Key != skipKey)
            {
                copy.Add(attribute);
            }
        }

        return copy;
    }
}
