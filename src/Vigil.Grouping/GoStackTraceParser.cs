using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>Reads a Go panic or <c>runtime/debug.Stack()</c> text: function lines, each followed by a tab-indented file line.</summary>
internal static partial class GoStackTraceParser
{
    /// <summary>The one exception the text describes (only the first goroutine: the one that panicked or recorded).</summary>
    public static List<ParsedException> Parse(string text)
    {
        var parsed = new ParsedException();
        var goroutines = 0;
        string? pending = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            if (line.StartsWith("panic: ", StringComparison.Ordinal) && parsed.Message.Length == 0)
            {
                parsed.Message = line["panic: ".Length..];
                continue;
            }

            if (line.StartsWith("goroutine ", StringComparison.Ordinal) && ++goroutines > 1)
            {
                break;
            }

            if (pending is not null && line.StartsWith('\t'))
            {
                parsed.Frames.Add(Frame(pending, line.Trim()));
                pending = null;
                continue;
            }

            var function = FunctionRegex().Match(line);
            pending = function.Success ? function.Groups["function"].Value : null;
        }

        return [parsed];
    }

    private static ParsedFrame Frame(string function, string file)
    {
        var slash = function.LastIndexOf('/');
        var dot = function.IndexOf('.', slash + 1);
        var package = dot >= 0 ? function[..dot] : function;
        var rest = dot >= 0 ? function[(dot + 1)..] : "";
        rest = rest.Replace("(*", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal);
        rest = GenericRegex().Replace(rest, "");
        rest = ClosureRegex().Replace(rest, ".func");
        var library = file.Contains("/pkg/mod/", StringComparison.Ordinal)
            || file.Contains("/vendor/", StringComparison.Ordinal)
            || file.Contains("/src/" + package + "/", StringComparison.Ordinal) && !package.Contains('.', StringComparison.Ordinal) && package != "main";
        return new ParsedFrame(package + "." + rest, !library);
    }

    // "pkg/path.(*Type).Method(0xc000010000, {0x1, 0x2})" or "main.main()"; the argument list never nests parentheses.
    [GeneratedRegex(@"^(?<function>[^\s(][^\s]*?)\((?:[^()]*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionRegex();

    [GeneratedRegex(@"\[[^\[\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex GenericRegex();

    [GeneratedRegex(@"\.func\d+(?:\.\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex ClosureRegex();
}
