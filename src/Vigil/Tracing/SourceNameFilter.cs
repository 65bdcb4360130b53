using System.Text.RegularExpressions;

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
        var alternatives = names.Select(n => Regex.Escape(n).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal));
        // Linear by construction, so no timeout: ShouldListenTo runs inside the application's own ActivitySource
        // constructor, where an exception would be the application's problem.
        var pattern = new Regex(
            $"^(?:{string.Join('|', alternatives)})$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        return pattern.IsMatch;
    }
}
