using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>Replaces the variable parts of an exception message with placeholders, so ids and values do not split groups.</summary>
internal static partial class MessageNormalizer
{
    /// <summary>
    /// How much of a message groups it. Some of the shapes below cost time quadratic in the length of a run of
    /// matching characters, and a message arrives from anyone who can send OTLP: normalizing a 16 MB
    /// <c>a.a.a.…</c> would hold the store's write transaction for an hour. Two messages that agree on their first
    /// 1,024 characters are one cause.
    /// </summary>
    public const int MaxLength = 1024;

    /// <summary>Returns the message with URLs, e-mails, GUIDs, timestamps, IPs, quoted strings, paths, hex and numbers replaced.</summary>
    public static string Normalize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return "";
        }

        if (message.Length > MaxLength)
        {
            // Never split a surrogate pair: the cut must stay valid text.
            message = message[..(char.IsHighSurrogate(message[MaxLength - 1]) ? MaxLength - 1 : MaxLength)];
        }

        // Order matters: the wider shapes go first so their digits are not taken as numbers.
        var text = UrlRegex().Replace(message, "<url>");
        text = EmailRegex().Replace(text, "<email>");
        text = GuidRegex().Replace(text, "<guid>");
        text = TimestampRegex().Replace(text, "<timestamp>");
        text = TimeRegex().Replace(text, "<timestamp>");
        text = Ipv4Regex().Replace(text, "<ip>");
        text = Ipv6Regex().Replace(text, "<ip>");
        text = QuotedRegex().Replace(text, "<str>");
        text = UnixPathRegex().Replace(text, "<path>");
        text = WindowsPathRegex().Replace(text, "<path>");
        text = HexRegex().Replace(text, "<hex>");
        text = NumberRegex().Replace(text, "<num>");
        return WhitespaceRegex().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s'""<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"\b[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex GuidRegex();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampRegex();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Regex();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv6Regex();

    [GeneratedRegex(@"'[^'\r\n]*'|""[^""\r\n]*""|`[^`\r\n]*`", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"(?<![\w.:<])(?:/[\w.@~+-]+){2,}/?", RegexOptions.CultureInvariant)]
    private static partial Regex UnixPathRegex();

    [GeneratedRegex(@"\b[A-Za-z]:\\[^\s'""<>|]*", RegexOptions.CultureInvariant)]
    private static partial Regex WindowsPathRegex();

    [GeneratedRegex(@"\b0x[0-9A-Fa-f]+\b|\b(?=[0-9A-Fa-f]*\d)(?=[0-9A-Fa-f]*[A-Fa-f])[0-9A-Fa-f]{8,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex HexRegex();

    [GeneratedRegex(@"\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhitespaceRegex();
}
