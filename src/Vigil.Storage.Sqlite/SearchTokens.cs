using System.Globalization;
using System.Text;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// The terms a log row is indexed under in the full-text index: the distinct words of its body, then
/// <c>t_</c> + trace id, then <c>a_</c> + a 64-bit FNV-1a hash of each scalar attribute's key and text value.
/// Hashing makes any key and value a single token. The index's tokenizer keeps <c>_</c> inside a token, and body
/// words are runs of letters and digits only, so no body can produce a trace or attribute token (issue 10, item 6).
/// </summary>
/// <remarks>
/// Each row indexes a bounded number of terms: one record with a million distinct words or attributes made
/// FTS5's pending-term hash huge, and every later flush of it slow until the process restarted (issue 10,
/// item 4). Text search covers the first <see cref="MaxBodyCharacters"/> characters of a body and, of those,
/// the first <see cref="MaxBodyWords"/> distinct words; attribute filters cover the first
/// <see cref="MaxAttributes"/> scalar attributes. docs/cli.md states the same numbers.
/// </remarks>
internal static class SearchTokens
{
    /// <summary>How much of a body is searchable by word.</summary>
    public const int MaxBodyCharacters = 32 * 1024;

    /// <summary>How many distinct words of a body are searchable.</summary>
    public const int MaxBodyWords = 1000;

    /// <summary>How many scalar attributes of a record <c>where key=value</c> can find.</summary>
    public const int MaxAttributes = 128;

    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    public static string TraceToken(string traceId) => "t_" + traceId.ToLowerInvariant();

    public static string AttributeToken(string key, string value)
    {
        var hash = FnvOffset;
        hash = Mix(hash, key);
        hash = (hash ^ 0xFF) * FnvPrime; // separator, so ("ab", "c") and ("a", "bc") differ
        hash = Mix(hash, value);
        return "a_" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The text the row is indexed under.</summary>
    public static string For(LogEntry log, string? traceId) => For(log.Body, traceId, log.Attributes);

    /// <summary>The text a row with these fields is indexed under (also run by schema migration 8 over stored rows).</summary>
    public static string For(string? body, string? traceId, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        var builder = new StringBuilder(Math.Min(body?.Length ?? 0, MaxBodyCharacters) + 64);
        if (body is not null)
        {
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var end = Math.Min(body.Length, MaxBodyCharacters);
            foreach (var (start, length) in Words(body.AsSpan(0, end)))
            {
                if (start + length == end && end < body.Length && char.IsLetterOrDigit(body[end]))
                {
                    break; // a word cut by the limit is not a word of the body
                }

                var word = body.Substring(start, length);
                if (words.Add(word))
                {
                    builder.Append(word).Append(' ');
                    if (words.Count == MaxBodyWords)
                    {
                        break;
                    }
                }
            }
        }

        if (traceId is not null)
        {
            builder.Append(TraceToken(traceId)).Append(' ');
        }

        var indexed = 0;
        foreach (var attribute in attributes)
        {
            if (TelemetryAttributes.ToFilterText(attribute.Value) is { } text)
            {
                builder.Append(AttributeToken(attribute.Key, text)).Append(' ');
                if (++indexed == MaxAttributes)
                {
                    break;
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The words of user text as the index stores them (runs of letters and digits), each quoted so nothing in
    /// the text is read as query syntax.
    /// </summary>
    public static IEnumerable<string> QuotedWords(string text)
    {
        foreach (var (start, length) in Words(text))
        {
            yield return Quote(text.Substring(start, length));
        }
    }

    public static string Quote(string token) => "\"" + token.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Where the runs of letters and digits in <paramref name="text"/> start, and how long they are.</summary>
    private static List<(int Start, int Length)> Words(ReadOnlySpan<char> text)
    {
        var words = new List<(int, int)>();
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
                words.Add((start, i - start));
                start = -1;
            }
        }

        return words;
    }

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
