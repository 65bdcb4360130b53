using System.Text.RegularExpressions;

namespace Vigil.Storage;

/// <summary>Recognizes the language of a stack trace text and reads it with the matching parser.</summary>
internal static partial class StackTraceParser
{
    /// <summary>The exceptions of the text, outermost first, each with its frames throw site first.</summary>
    public static List<ParsedException> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (PythonRegex().IsMatch(text))
        {
            return PythonStackTraceParser.Parse(text);
        }

        if (GoRegex().IsMatch(text))
        {
            return GoStackTraceParser.Parse(text);
        }

        if (JavaRegex().IsMatch(text))
        {
            return JavaStackTraceParser.Parse(text);
        }

        return JavaScriptRegex().IsMatch(text) ? JavaScriptStackTraceParser.Parse(text) : DotNetStackTraceParser.Parse(text);
    }

    [GeneratedRegex(@"^Traceback \(most recent call last\):|^\s*File ""[^""]+"", line \d+, in ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PythonRegex();

    [GeneratedRegex(@"^goroutine \d+ \[|^\t\S+\.go:\d+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GoRegex();

    [GeneratedRegex(@"^\s*at [\w$./]+\((?:[\w$-]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)|^Caused by: ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex JavaRegex();

    [GeneratedRegex(@"^\s*at .*:\d+:\d+\)?\r?$|^\s*at .*\((?:native|index \d+)\)\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex JavaScriptRegex();
}
