namespace Vigil.Mcp.Arguments;

/// <summary>Cuts long text for an assistant's context and says how much was cut, so nothing is silently lost.</summary>
internal static class Shortened
{
    /// <summary><paramref name="text"/>, or its first <paramref name="max"/> characters and a note of the rest.</summary>
    public static string? Text(string? text, int max = ToolLimits.MaxTextLength) =>
        text is null || text.Length <= max ? text : $"{text[..max]}… [{text.Length - max} more characters]";

    /// <summary>The first <paramref name="maxLines"/> lines of a stack trace and a note of the rest.</summary>
    public static string? Lines(string? text, int maxLines = ToolLimits.MaxStackLines)
    {
        if (text is null)
        {
            return null;
        }

        var lines = text.Split('\n');
        return lines.Length <= maxLines ? text : string.Join('\n', lines[..maxLines]) + $"\n… [{lines.Length - maxLines} more lines]";
    }
}
