using System.Text.Json;

namespace Vigil.Tests.Support;

/// <summary>Reads JSON-lines files the way a consumer would: split on line feeds, parse each line.</summary>
internal static class JsonLines
{
    /// <summary>The lines of a file, without the final empty string after the last line feed.</summary>
    public static string[] ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return text[..^1].Split('\n');
    }

    /// <summary>Every line of a file parsed; fails if any line is not one JSON object.</summary>
    public static JsonElement[] Parse(string path) => [.. ReadLines(path).Select(ParseLine)];

    public static JsonElement ParseLine(string line)
    {
        using var document = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }
}
