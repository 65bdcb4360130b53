using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>Reads a Java (or Kotlin, Scala) <c>printStackTrace</c> text: header, <c>at</c> frames, <c>Caused by:</c> and <c>Suppressed:</c>.</summary>
internal static partial class JavaStackTraceParser
{
    /// <summary>The exceptions outermost first, causes after.</summary>
    public static List<ParsedException> Parse(string text)
    {
        var result = new List<ParsedException>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            var frame = FrameRegex().Match(line);
            if (frame.Success)
            {
                if (result.Count == 0)
                {
                    result.Add(new ParsedException());
                }

                result[^1].Frames.Add(new ParsedFrame(NormalizeMethod(frame.Groups["method"].Value), null));
                continue;
            }

            var header = HeaderRegex().Match(line);
            if (header.Success && (result.Count == 0 || header.Groups["chain"].Success))
            {
                result.Add(new ParsedException { Type = header.Groups["type"].Value, Message = header.Groups["message"].Value });
            }
        }

        return result;
    }

    private static string NormalizeMethod(string method)
    {
        var text = GeneratedClassRegex().Replace(method, "");
        var slash = text.LastIndexOf('/');
        text = slash >= 0 ? text[(slash + 1)..] : text;
        text = LambdaRegex().Replace(text, "${name}.lambda");
        return AnonymousClassRegex().Replace(text, "$$anon");
    }

    [GeneratedRegex(@"^\s*at (?<method>[^\s(]+)\(", RegexOptions.CultureInvariant)]
    private static partial Regex FrameRegex();

    [GeneratedRegex(@"^\s*(?:(?<chain>Caused by|Suppressed): |Exception in thread ""[^""]*"" )?(?<type>[\w$.]+)(?:: (?<message>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();

    // $$Lambda$14/0x0000000800c02a00, $$EnhancerBySpringCGLIB$$1a2b3c, $$SpringCGLIB$$0: generated per run or build.
    [GeneratedRegex(@"\$\$Lambda(?:\$\d+)?/(?:0x)?[0-9a-fA-F]+|\$\$\w+?\$\$[0-9a-fA-F]+", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedClassRegex();

    [GeneratedRegex(@"lambda\$(?<name>[\w]+?)\$\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LambdaRegex();

    [GeneratedRegex(@"\$\d+(?=[.$]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AnonymousClassRegex();
}
