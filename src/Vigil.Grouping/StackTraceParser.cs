using System.Text.RegularExpressions;

namespace Vigil.Grouping;

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

        // Before Java: opentelemetry-php writes Java's layout, with "(Unknown Source)" and "Caused by:" that Java's check takes.
        if (PhpRegex().IsMatch(text))
        {
            return PhpStackTraceParser.Parse(text);
        }

        if (JavaRegex().IsMatch(text))
        {
            return JavaStackTraceParser.Parse(text);
        }

        if (JavaScriptRegex().IsMatch(text))
        {
            return JavaScriptStackTraceParser.Parse(text);
        }

        return RubyRegex().IsMatch(text) ? RubyStackTraceParser.Parse(text) : DotNetStackTraceParser.Parse(text);
    }

    [GeneratedRegex(@"^Traceback \(most recent call last\):|^[ \t]*File ""[^""]+"", line \d+, in ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PythonRegex();

    [GeneratedRegex(@"^goroutine \d+ \[|^\t\S+\.go:\d+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GoRegex();

    [GeneratedRegex(@"^[ \t]*at [\w$./]+\((?:[\w$-]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)|^Caused by: ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex JavaRegex();

    // "#0 /var/www/src/Order.php(42): …", "#1 [internal function]: …", "#2 {main}", or "at App.Order.charge(Order.php:42)".
    [GeneratedRegex(@"^#\d+ (?:\{main\}|\[internal function\]: |[^\r\n]*?\(\d+\): )|^[ \t]*at [^\r\n]*?\([^()\r\n]*\.php:\d+\)\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PhpRegex();

    [GeneratedRegex(@"^[ \t]*at .*:\d+:\d+\)?\r?$|^[ \t]*at .*\((?:native|index \d+)\)\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex JavaScriptRegex();

    // A line that starts with a path (no spaces) to a .rb file, "/app/order.rb:42:in 'charge'", or full_message's "\tfrom …:42:in".
    [GeneratedRegex(@"^\S*?\.rb:\d+:in [`']|^\tfrom [^\r\n]*?:\d+:in [`']", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex RubyRegex();
}
