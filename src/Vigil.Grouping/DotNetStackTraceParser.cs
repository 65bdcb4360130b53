using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>
/// Reads .NET's <c>Exception.ToString()</c>: the header, the <c> ---&gt; </c> inner chain (and
/// <c>AggregateException</c>'s <c>(Inner Exception #n)</c> list), and the <c>at ...</c> frames.
/// </summary>
internal static partial class DotNetStackTraceParser
{
    // Frames the runtime adds between an await and the rethrow; they move with the runtime version, not the bug.
    private static readonly string[] s_plumbingPrefixes =
    [
        "System.Runtime.CompilerServices.TaskAwaiter",
        "System.Runtime.CompilerServices.ValueTaskAwaiter",
        "System.Runtime.CompilerServices.ConfiguredTaskAwaitable",
        "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable",
        "System.Runtime.CompilerServices.AsyncTaskMethodBuilder",
        "System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder",
        "System.Runtime.CompilerServices.AsyncMethodBuilderCore",
        "System.Runtime.CompilerServices.AsyncVoidMethodBuilder",
        "System.Runtime.ExceptionServices.ExceptionDispatchInfo",
        "System.Threading.ExecutionContext.Run",
    ];

    /// <summary>The exceptions in the order the text names them, outermost first.</summary>
    public static List<ParsedException> Parse(string text)
    {
        var result = new List<ParsedException>();
        var open = new Stack<ParsedException>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            var closesAggregateInner = line.EndsWith("<---", StringComparison.Ordinal);
            if (closesAggregateInner)
            {
                line = line[..^4];
            }

            var inner = InnerRegex().Match(line);
            var frame = FrameRegex().Match(line);
            if (inner.Success)
            {
                var parsed = Header(inner.Groups["rest"].Value);
                result.Add(parsed);
                open.Push(parsed);
            }
            else if (line.TrimStart().StartsWith("--- End of inner exception", StringComparison.Ordinal))
            {
                Pop(open);
            }
            else if (frame.Success)
            {
                if (open.Count == 0)
                {
                    // A bare stack trace (Exception.StackTrace) without a header.
                    var bare = new ParsedException();
                    result.Add(bare);
                    open.Push(bare);
                }

                var method = frame.Groups["method"].Value;
                if (!IsPlumbing(method))
                {
                    open.Peek().Frames.Add(new ParsedFrame(DotNetFrameName.Normalize(method), null));
                }
            }
            else if (open.Count == 0 && line.Trim().Length > 0)
            {
                var parsed = Header(line.Trim());
                result.Add(parsed);
                open.Push(parsed);
            }

            if (closesAggregateInner)
            {
                Pop(open);
            }
        }

        return result;
    }

    private static void Pop(Stack<ParsedException> open)
    {
        // The outermost exception stays open: its frames follow its inner chain.
        if (open.Count > 1)
        {
            open.Pop();
        }
    }

    private static ParsedException Header(string text)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var type = colon >= 0 ? text[..colon] : text;
        return new ParsedException { Type = type.Trim(), Message = colon >= 0 ? text[(colon + 2)..] : "" };
    }

    private static bool IsPlumbing(string method)
    {
        foreach (var prefix in s_plumbingPrefixes)
        {
            if (method.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // "at Method(args) in file:line n"; only the method (before its argument list) is kept.
    [GeneratedRegex(@"^\s*at (?<method>[^(]+)\(", RegexOptions.CultureInvariant)]
    private static partial Regex FrameRegex();

    [GeneratedRegex(@"^\s*---> (?:\(Inner Exception #\d+\) )?(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex InnerRegex();
}
