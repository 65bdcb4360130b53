using System.Text.Json;
using Vigil.Server.Probes;

namespace Vigil.Server.Configuration;

/// <summary>The file's top level: one object with a <c>Probes</c> array.</summary>
public static partial class ServerConfigurationLoader
{
    private static List<ProbeDefinition?> Read(JsonElement root, ConfigReader reader)
    {
        var probes = new List<ProbeDefinition?>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            reader.Add(string.Empty, $"{ConfigReader.Show(root)} is not allowed: the configuration is a JSON object, e.g. {{ \"Probes\": [] }}");
            return probes;
        }

        JsonElement? probesElement = null;
        foreach (var property in root.EnumerateObject())
        {
            if (!property.Name.Equals("Probes", StringComparison.OrdinalIgnoreCase))
            {
                reader.Add(property.Name, "is not a key of the server configuration (allowed: Probes)");
            }
            else if (probesElement is not null)
            {
                reader.Add(property.Name, "is given more than once");
            }
            else
            {
                probesElement = property.Value;
            }
        }

        if (probesElement is not { } array)
        {
            return probes;
        }

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
