using System.Text.Json;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Configuration;

/// <summary>
/// What must be right about the file before the configuration provider reads it: well-formed JSON (comments and
/// trailing commas allowed, nesting bounded), one object at the top, and no key given twice — which the provider
/// would either merge silently (sections) or stop at (values), without saying where.
/// </summary>
internal static class JsonSyntax
{
    // Deeper than any real configuration; a document nested this deep is a mistake or an attack.
    private const int MaxDepth = 16;

    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    public static List<ConfigurationProblem> Check(string json)
    {
        var problems = new List<ConfigurationProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_options);
        }
        catch (JsonException e)
        {
            problems.Add(new(string.Empty, $"malformed JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}"));
            return problems;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(string.Empty, $"{Show(document.RootElement)} is not allowed: the configuration is a JSON object, e.g. {{ \"Probes\": [] }}"));
                return problems;
            }

            Repeats(document.RootElement, path: null, problems);
        }

        return problems;
    }

    private static void Repeats(JsonElement element, string? path, List<ConfigurationProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Repeats(item, $"{path}:{index++}", problems);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        // Configuration keys are case-insensitive: "Probes" and "probes" are the same key.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var key = path is null ? property.Name : $"{path}:{property.Name}";
            if (!seen.Add(property.Name))
            {
                problems.Add(new(key, "is given more than once"));
            }

            Repeats(property.Value, key, problems);
        }
    }

    private static string Show(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? ConfigurationText.Show(element.GetString()) : ConfigurationText.Show(element.GetRawText()).Trim('\'');

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
