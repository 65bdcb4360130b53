using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>Reads a V8 (Node.js) <c>error.stack</c>: a header line and <c>at</c> frames.</summary>
internal static partial class JavaScriptStackTraceParser
{
    /// <summary>The one exception the text describes.</summary>
    public static List<ParsedException> Parse(string text)
    {
        var parsed = new ParsedException();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            var frame = FrameRegex().Match(line);
            if (frame.Success)
            {
                var location = frame.Groups["location"].Value;
                var function = frame.Groups["function"].Success ? Function(frame.Groups["function"].Value) : "<anonymous>";
                parsed.Frames.Add(new ParsedFrame(Module(location) + "." + function, !IsLibrary(location)));
                continue;
            }

            var header = HeaderRegex().Match(line);
            if (parsed.Type.Length == 0 && parsed.Frames.Count == 0 && header.Success)
            {
                parsed.Type = header.Groups["type"].Value;
                parsed.Message = header.Groups["message"].Value;
            }
        }

        return [parsed];
    }

    private static string Function(string function)
    {
        var alias = function.IndexOf(" [as ", StringComparison.Ordinal);
        var name = alias >= 0 ? function[..alias] : function;
        return name == "Object.<anonymous>" ? "<anonymous>" : name;
    }

    private static string Module(string location)
    {
        var path = PositionRegex().Replace(location, "");
        var query = path.IndexOfAny(['?', '#']);
        path = query >= 0 ? path[..query] : path;
        path = path.Replace('\\', '/');
        var modules = path.LastIndexOf("node_modules/", StringComparison.Ordinal);
        if (modules >= 0)
        {
            return path[(modules + "node_modules/".Length)..];
        }

        // The deploy root moves; the file name (without extension) is what stays.
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static bool IsLibrary(string location) =>
        location.Contains("node_modules", StringComparison.Ordinal)
        || location.StartsWith("node:", StringComparison.Ordinal)
        || location.StartsWith("internal/", StringComparison.Ordinal)
        || location is "native" or "<anonymous>"
        || location.StartsWith("index ", StringComparison.Ordinal);

    // The lookahead changes no match: it only skips the "f (location)" shape when the line does not end with ")",
    // where trying it from every " (" would rescan the rest of the line each time (quadratic in a hostile line).
    [GeneratedRegex(@"^\s*at (?:async )?(?:new )?(?:(?=.*\)$)(?<function>.+?) \((?<location>.+)\)|(?<location>\S+))$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameRegex();

    [GeneratedRegex(@"^(?<type>[A-Za-z_$][\w$.]*)(?:: (?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"(?::\d+){1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionRegex();
}
