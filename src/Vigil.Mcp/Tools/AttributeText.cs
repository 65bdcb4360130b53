using Vigil.Mcp.Arguments;
using Vigil.Model.Json;

namespace Vigil.Mcp.Tools;

/// <summary>Attributes as short strings, each value in the one attribute encoder's invariant text.</summary>
internal static class AttributeText
{
    /// <summary>The first <paramref name="max"/> attributes; a further key <c>…</c> says how many were left out.</summary>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyList<KeyValuePair<string, object?>> attributes, int max)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes.Take(max))
        {
            result[key] = Shortened.Text(value is null ? "null" : AttributeValueEncoder.ToText(value), 200)!;
        }

        if (attributes.Count > max)
        {
            result["…"] = $"{attributes.Count - max} more attributes";
        }

        return result;
    }
}
