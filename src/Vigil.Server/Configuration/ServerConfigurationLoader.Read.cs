using System.Text.Json;
using Vigil.Server.Probes;
using Vigil.Storage;

namespace Vigil.Server.Configuration;

/// <summary>The file's top level: one object with a <c>Probes</c> array, an <c>Errors</c> section, a <c>QueryTimeout</c> and a <c>MaxClockSkew</c>.</summary>
public static partial class ServerConfigurationLoader
{
    private static readonly string[] s_keys = ["Probes", "Errors", "QueryTimeout", "MaxClockSkew"];

    private static (List<ProbeDefinition?> Probes, ErrorTrackingOptions ErrorTracking, TimeSpan? QueryTimeout, TimeSpan? MaxClockSkew) Read(JsonElement root, ConfigReader reader)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Add(string.Empty, $"{ConfigReader.Show(root)} is not allowed: the configuration is a JSON object, e.g. {{ \"Probes\": [] }}");
            return ([], ErrorTrackingOptions.Default, null, null);
        }

        var sections = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (!s_keys.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                reader.Add(property.Name, $"is not a key of the server configuration (allowed: {string.Join(", ", s_keys)})");
            }
            else if (!sections.TryAdd(property.Name, property.Value))
            {
                reader.Add(property.Name, "is given more than once");
            }
        }

        var errorTracking = sections.TryGetValue("Errors", out var errors) ? ErrorsJsonReader.Read(errors, reader) : ErrorTrackingOptions.Default;
        var queryTimeout = sections.TryGetValue("QueryTimeout", out var timeout) ? reader.Duration(timeout, "QueryTimeout") : null;
        var maxClockSkew = sections.TryGetValue("MaxClockSkew", out var skew) ? reader.Duration(skew, "MaxClockSkew") : null;
        return (sections.TryGetValue("Probes", out var probes) ? ReadProbes(probes, reader) : [], errorTracking, queryTimeout, maxClockSkew);
    }

    private static List<ProbeDefinition?> ReadProbes(JsonElement array, ConfigReader reader)
    {
        var probes = new List<ProbeDefinition?>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            reader.Add("Probes", $"{ConfigReader.Show(array)} is not allowed: an array of probes");
            return probes;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            probes.Add(ProbeJsonReader.Read(element, $"Probes:{index}", reader));
            index++;
        }

        return probes;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (end < 0)
        {
            end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return end < 0 ? message : message[..end];
    }
}
