using System.Globalization;
using System.Text;

namespace Vigil.Storage.Internal;

/// <summary>
/// The terms a log row is indexed under in the full-text index: the words of its body, then
/// <c>t</c> + trace id, then <c>a</c> + a 64-bit FNV-1a hash of each scalar attribute's key and
/// text value. Hashing makes any key and value a single token the tokenizer keeps whole.
/// </summary>
internal static class SearchTokens
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static string TraceToken(string traceId) => "t" + traceId.ToLowerInvariant();

    public static string AttributeToken(string key, string value)
    {
        var hash = FnvOffset;
        hash = Mix(hash, key);
        hash = (hash ^ 0xFF) * FnvPrime; // separator, so ("ab", "c") and ("a", "bc") differ
        hash = Mix(hash, value);
        return "a" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The text the row is indexed under.</summary>
    public static string For(LogEntry log, string? traceId)
    {
        var builder = new StringBuilder(log.Body?.Length + 64 ?? 64);
        builder.Append(log.Body);
        if (traceId is not null)
        {
            builder.Append(' ').Append(TraceToken(traceId));
        }

        foreach (var attribute in log.Attributes)
        {
            if (TelemetryAttributes.ToFilterText(attribute.Value) is { } text)
            {
                builder.Append(' ').Append(AttributeToken(attribute.Key, text));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The words of user text as the default tokenizer splits them (runs of letters and digits),
    /// each quoted so nothing in the text is read as query syntax.
    /// </summary>
    public static IEnumerable<string> QuotedWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return Quote(text[start..i]);
                start = -1;
            }
        }
    }

    public static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static ulong Mix(ulong hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }
}
