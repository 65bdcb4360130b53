using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>
/// Reads PHP's <c>getTraceAsString()</c> (<c>#0 file(line): call</c> … <c>#3 {main}</c>), the whole
/// <c>Throwable::__toString()</c> (headers, <c>Stack trace:</c>, <c>Next</c> for each wrapping exception), and
/// opentelemetry-php's Java-like text (header, <c>at</c> frames, <c>Caused by:</c>).
/// </summary>
internal static partial class PhpStackTraceParser
{
    /// <summary>The exceptions outermost first, frames throw site first.</summary>
    public static List<ParsedException> Parse(string text)
    {
        var result = new List<ParsedException>();
        var innermostFirst = false;
        string? calleeFile = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            if (PhpFrame.TryReadTraceLine(line, calleeFile, out var frame, out var file) || PhpFrame.TryReadJavaStyleLine(line, out frame))
            {
                if (result.Count == 0)
                {
                    result.Add(new ParsedException());
                }

                result[^1].Frames.Add(frame);
                calleeFile = file;
                continue;
            }

            var header = HeaderRegex().Match(line);
            if (header.Success && (result.Count == 0 || header.Groups["chain"].Success))
            {
                // __toString() prints the innermost (previous) exception first and each wrapping one after "Next".
                innermostFirst |= header.Groups["chain"].Value == "Next";
                // Its "in /var/www/src/Order.php:44" is the file of the function that threw: the first frame's own.
                result.Add(new ParsedException
                {
                    Type = header.Groups["type"].Value.Replace('.', '\\'),
                    Message = WithoutLocation(header.Groups["message"].Value, out calleeFile),
                });
                calleeFile ??= header.Groups["file"].Success ? header.Groups["file"].Value : null;
            }
        }

        if (innermostFirst)
        {
            result.Reverse();
        }

        return result;
    }

    /// <summary><c>Order 42 failed in /var/www/src/Order.php:44</c> → <c>Order 42 failed</c>.</summary>
    private static string WithoutLocation(string message, out string? file)
    {
        file = null;
        var at = message.LastIndexOf(" in ", StringComparison.Ordinal);
        var colon = message.LastIndexOf(':');
        if (at < 0 || colon < at + 5 || colon == message.Length - 1)
        {
            return message;
        }

        foreach (var c in message.AsSpan(colon + 1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return message;
            }
        }

        file = message[(at + 4)..colon];
        return message[..at];
    }

    // "App\OrderException: message in /file:12", "Exception in /file:12" (no message), "Next …", "PHP Fatal error:  Uncaught …", "Caused by: App.Error: …".
    [GeneratedRegex(@"^(?:PHP Fatal error:\s+Uncaught )?(?:(?<chain>Next|Caused by:) )?(?<type>[A-Za-z_\\][\w\\.]*)(?:: (?<message>.*)| in (?<file>\S.*):\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();
}
