using System.Reflection;

namespace Vigil.Resources;

/// <summary>
/// The resource attributes of this process. One dictionary with an explicit order of precedence,
/// rather than several merged resource detectors, so the outcome is easy to read and to test:
/// defaults, then <c>Service:Attributes</c> (where <c>OTEL_RESOURCE_ATTRIBUTES</c> lands), then the named options.
/// </summary>
internal static class ServiceResource
{
    public const string UnknownServiceName = "unknown_service";

    public static Dictionary<string, object> Build(ServiceOptions service, string instanceId, Assembly? entryAssembly)
    {
        var entryName = entryAssembly?.GetName();
        var attributes = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["service.name"] = entryName?.Name ?? UnknownServiceName,
            ["service.instance.id"] = instanceId,
            ["host.name"] = Environment.MachineName,
        };

        var version = entryAssembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? entryName?.Version?.ToString();
        if (version is not null)
        {
            attributes["service.version"] = version;
        }

        foreach (var (key, value) in service.Attributes)
        {
            attributes[key] = value;
        }

        SetIfGiven(attributes, "service.name", service.Name);
        SetIfGiven(attributes, "service.version", service.Version);
        SetIfGiven(attributes, "deployment.environment", service.Environment);
        return attributes;
    }

    private static void SetIfGiven(Dictionary<string, object> attributes, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            attributes[key] = value;
        }
    }
}
