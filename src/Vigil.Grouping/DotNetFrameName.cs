using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>
/// Reduces a .NET frame's method (<c>Ns.Type`1+Nested.&lt;&gt;c.&lt;Main&gt;b__0_0[T]</c>) to the name a developer wrote
/// (<c>Ns.Type+Nested.Main.lambda</c>): no arity, no generic arguments, no compiler-generated types or suffixes.
/// </summary>
internal static partial class DotNetFrameName
{
    /// <summary>Normalizes the method part of a frame (the text before its argument list).</summary>
    public static string Normalize(string method)
    {
        var text = ArityRegex().Replace(method, "");
        text = GenericArgumentsRegex().Replace(text, "");
        text = LambdaMethodRegex().Replace(text, "lambda_method");
        text = text.Replace("..ctor", ".#ctor", StringComparison.Ordinal).Replace("..cctor", ".#cctor", StringComparison.Ordinal);

        var segments = SplitTopLevel(text);
        var kept = new List<string>(segments.Count);
        var previousWasStateMachine = false;
        for (var i = 0; i < segments.Count; i++)
        {
            var raw = segments[i];
            if (previousWasStateMachine)
            {
                // <ProcessAsync>d__4.MoveNext, <Items>d__7.System.Collections.IEnumerator.MoveNext: the state
                // machine already named the method; what follows is its plumbing.
                break;
            }

            var clean = CleanSegment(raw, out previousWasStateMachine);
            if (clean is not null)
            {
                kept.Add(clean.Replace("#ctor", ".ctor", StringComparison.Ordinal).Replace("#cctor", ".cctor", StringComparison.Ordinal));
            }
        }

        return string.Join('.', kept);
    }

    /// <summary>Cleans one dotted segment; null drops it (closure classes such as <c>&lt;&gt;c</c>).</summary>
    private static string? CleanSegment(string segment, out bool stateMachine)
    {
        stateMachine = false;
        if (!segment.StartsWith('<'))
        {
            return segment;
        }

        var close = MatchingClose(segment);
        if (close < 0)
        {
            return segment;
        }

        var inner = segment[1..close];
        var suffix = segment[(close + 1)..];
        if (inner.Length == 0)
        {
            // <>c, <>c__DisplayClass0_0, <>f__AnonymousType: compiler-made holders, not code anyone wrote.
            return null;
        }

        var name = CleanSegment(inner, out _) ?? "";
        if (suffix.StartsWith("g__", StringComparison.Ordinal))
        {
            var local = suffix[3..];
            var bar = local.IndexOf('|', StringComparison.Ordinal);
            return name + "." + (bar >= 0 ? local[..bar] : local);
        }

        if (suffix.StartsWith("b__", StringComparison.Ordinal))
        {
            return name + ".lambda";
        }

        stateMachine = suffix.StartsWith('d');
        return name;
    }

    private static int MatchingClose(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                depth++;
            }
            else if (text[i] == '>' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == '.' && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    [GeneratedRegex(@"`\d+", RegexOptions.CultureInvariant)]
    private static partial Regex ArityRegex();

    [GeneratedRegex(@"\[[^\[\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex GenericArgumentsRegex();

    [GeneratedRegex(@"lambda_method\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LambdaMethodRegex();
}
