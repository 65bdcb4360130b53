using System.Text.Json;
using Vigil.Model.Text;

namespace Vigil.Server.Configuration;

/// <summary>The value forms of the <c>Errors</c> section: objects of known keys, log levels, lists of names.</summary>
internal static partial class ErrorsJsonReader
{
    /// <summary>The keys of an object, case-insensitively; repeated and unknown keys are problems. Null when it is not an object.</summary>
    private static Dictionary<string, JsonElement>? ReadObject(JsonElement element, string path, string[] keys, string what, string expected, ConfigReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Add(path, $"{ConfigReader.Show(element)} is not allowed: {expected}");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                reader.Add($"{path}:{property.Name}", $"is not a key of {what} (allowed: {string.Join(", ", keys)})");
            }
            else if (!values.TryAdd(property.Name, property.Value))
            {
                reader.Add($"{path}:{property.Name}", "is given more than once");
            }
        }

        return values;
    }

    /// <summary>A level name in the grammar the CLI and the query API share, as its OpenTelemetry severity number.</summary>
    private static int? ReadLevel(JsonElement value, string path, ConfigReader reader)
    {
        if (value.ValueKind == JsonValueKind.String && LevelGrammar.TryParse(value.GetString(), out var severity))
        {
            return severity;
        }

        reader.Add(path, $"{ConfigReader.Show(value)} is not a log level: {LevelGrammar.Allowed}");
        return null;
    }

    /// <summary>An array of non-blank strings (prefixes, type names, attribute names), trimmed.</summary>
    private static List<string> Names(JsonElement value, string path, ConfigReader reader)
    {
        var names = new List<string>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            reader.Add(path, $"{ConfigReader.Show(value)} is not allowed: an array of strings");
            return names;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (reader.String(item, $"{path}:{index}") is { } text)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    reader.Add($"{path}:{index}", "is blank: give a name, or remove the entry");
                }
                else
                {
                    names.Add(text.Trim());
                }
            }

            index++;
        }

        return names;
    }
}
