namespace Vigil.Model;

/// <summary>
/// The entity that produced telemetry (an OpenTelemetry resource): a service, a process, a host.
/// Stored once per distinct attribute set and referenced by every record that carries it.
/// </summary>
public sealed record TelemetryResource
{
    /// <summary>The attribute key OpenTelemetry uses for the service name.</summary>
    public const string ServiceNameKey = "service.name";

    /// <summary>A resource with no attributes.</summary>
    public static TelemetryResource Empty { get; } = new();

    /// <summary>
    /// The resource attributes. Values follow <see cref="TelemetryAttributes"/>: string, bool, long,
    /// double, byte[] or an array of those.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Attributes { get; init; } = [];

    /// <summary>The schema URL of the resource, when the sender gave one.</summary>
    public string? SchemaUrl { get; init; }

    /// <summary>The value of the <c>service.name</c> attribute, or null when there is none.</summary>
    public string? ServiceName
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Key == ServiceNameKey)
                {
                    return attribute.Value as string;
                }
            }

            return null;
        }
    }
}
