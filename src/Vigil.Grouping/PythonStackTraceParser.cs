using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>Reads a Python traceback (<c>traceback.format_exception</c>), including chained tracebacks.</summary>
internal static partial class PythonStackTraceParser
{
    /// <summary>The exceptions outermost (the one raised last) first, causes after; frames throw site first.</summary>
    public static List<ParsedException> Parse(string text)
    {
        var result = new List<ParsedException>();
        ParsedException? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            if (line.StartsWith("Traceback (most recent call last):", StringComparison.Ordinal))
            {
                current = new ParsedException();
                result.Add(current);
                continue;
            }

            var frame = FrameRegex().Match(line);
            if (frame.Success)
            {
                if (current is null)
                {
                    current = new ParsedException();
                    result.Add(current);
                }

                var file = frame.Groups["file"].Value;
                current.Frames.Add(new ParsedFrame(Module(file) + "." + Function(frame.Groups["function"].Value), !IsLibrary(file)));
                continue;
            }

            var header = HeaderRegex().Match(line);
            if (current is not null && current.Type.Length == 0 && header.Success)
            {
                current.Type = header.Groups["type"].Value;
                current.Message = header.Groups["message"].Value;
            }
        }

        foreach (var parsed in result)
        {
            // Python prints the outermost call first; grouping wants the throw site first, as in .NET.
            parsed.Frames.Reverse();
        }

        // Python prints the cause first; the event is about the exception printed last.
        result.Reverse();
        return result;
    }

    private static string Module(string file)
    {
        var path = file.Replace('\\', '/');
        var packages = path.LastIndexOf("-packages/", StringComparison.Ordinal);
        if (packages >= 0)
        {
            path = path[(packages + "-packages/".Length)..];
        }
        else
        {
            // Deployments move the root (/app, /srv/app): the file name is what stays.
            path = path[(path.LastIndexOf('/') + 1)..];
        }

        if (path.EndsWith(".py", StringComparison.Ordinal))
        {
            path = path[..^3];
        }

        return path.Replace('/', '.');
    }

    private static string Function(string function) => function == "<lambda>" ? "lambda" : function;

    private static bool IsLibrary(string file) =>
        file.Contains("-packages", StringComparison.Ordinal)
        || file.Contains("/lib/python", StringComparison.Ordinal)
        || file.Contains("\\Lib\\", StringComparison.Ordinal)
        || file.StartsWith('<');

    [GeneratedRegex(@"^\s*File ""(?<file>[^""]+)"", line \d+, in (?<function>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameRegex();

    [GeneratedRegex(@"^(?<type>[A-Za-z_][\w.]*)(?:: (?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();
}
