namespace Vigil;

/// <summary>The resource that describes the emitting service (configuration section <c>Service</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary><c>service.name</c>. Default: <c>OTEL_SERVICE_NAME</c>, else the entry assembly's name.</summary>
    public string? Name { get; set; }

    /// <summary><c>service.version</c>. Default: the entry assembly's informational version.</summary>
    public string? Version { get; set; }

    /// <summary><c>deployment.environment</c>, e.g. <c>Production</c>. Default: the host's environment name, if any.</summary>
    public string? Environment { get; set; }

    /// <summary>More resource attributes. <c>OTEL_RESOURCE_ATTRIBUTES</c> lands here too.</summary>
    public IDictionary<string, string> Attributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
