using System.IO.Enumeration;

namespace Vigil.Tracing;

/// <summary>
/// Which ActivitySource names a list of names selects, read as OpenTelemetry's <c>AddSource</c> reads them:
/// case-insensitive, <c>*</c> for any text and <c>?</c> for one character. Vigil's own listeners use it to hear
/// exactly the sources the tracer traces, and no others.
/// </summary>
internal static class SourceNameFilter
{
    public static Func<string, bool> Create(IEnumerable<string> names)
    {
        // The platform's simple-expression matcher has exactly these two wildcards and never throws. It replaced a
        // NonBacktracking regex whose construction cost about a tenth of `vigil exec -- true` (docs/performance.md);
        // ShouldListenTo runs inside the application's own ActivitySource constructor, so it must not throw either.
        // A backslash is the matcher's escape, and a literal one in a source name, so it is doubled. The matcher never
        // matches an empty name; a pattern of only stars does, as the regex OpenTelemetry builds does.
        var expressions = names.Select(n => n.Replace("\\", "\\\\", StringComparison.Ordinal)).ToArray();
        return name => name.Length == 0
            ? expressions.Any(e => e.All(c => c == '*'))
            : expressions.Any(e => FileSystemName.MatchesSimpleExpression(e, name, ignoreCase: true));
    }
}
