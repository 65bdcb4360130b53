using System.Globalization;
using System.Text;
using Vigil.Model;

namespace Vigil.Storage.Sqlite.LogBlocks;

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

    /// <summary>How many bits of a trace id's hash its block-level token keeps (see <see cref="TraceBucketToken(string)"/>).</summary>
    public const int TraceBucketBits = 20;

    /// <summary>The per-row trace token of schema 8 (only <see cref="For(string?, string?, IReadOnlyList{KeyValuePair{string, object?}})"/> writes it).</summary>
    public static string TraceToken(string traceId) => "t_" + traceId.ToLowerInvariant();

    /// <summary>
    /// The token a log block is indexed under for each trace id it holds: <c>t_</c> + the low
    /// <see cref="TraceBucketBits"/> bits of the id's FNV-1a hash. A bucket, not the id: a unique term per trace made
    /// the index as large as the records (about 22 bytes a record); a bucket keeps about a million terms, each
    /// naming the few blocks that may hold it, and the stored trace id decides.
    /// </summary>
    public static string TraceBucketToken(string traceId) => TraceBucketToken(TraceBucket(traceId.ToLowerInvariant()));

    public static string AttributeToken(string key, string value) => AttributeToken(AttributeHash(key, value));

    /// <summary>The token of an attribute hash (<see cref="AttributeHash"/>).</summary>
    public static string AttributeToken(ulong hash) => "a_" + hash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The 64-bit FNV-1a hash of a key and a value's text form that <see cref="AttributeToken(ulong)"/> spells.</summary>
    public static ulong AttributeHash(string key, string value)
    {
        var hash = FnvOffset;
        hash = Mix(hash, key);
        hash = (hash ^ 0xFF) * FnvPrime; // separator, so ("ab", "c") and ("a", "bc") differ
        return Mix(hash, value);
    }

    /// <summary>The bucket of a lowercase trace id that <see cref="TraceBucketToken(uint)"/> spells.</summary>
    public static uint TraceBucket(string traceId) => (uint)(Mix(FnvOffset, traceId) & ((1UL << TraceBucketBits) - 1));

    /// <summary>The token of a trace bucket (<see cref="TraceBucket"/>).</summary>
    public static string TraceBucketToken(uint bucket) => "t_" + bucket.ToString("x5", CultureInfo.InvariantCulture);

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
            yield return Quote(Fold(text.AsSpan(start, length)));
        }
    }

    /// <summary>The words of user text, folded (<see cref="Fold"/>), for checking a record after its block matched.</summary>
    public static List<string> FoldedWords(string text) => [.. Words(text).Select(w => Fold(text.AsSpan(w.Start, w.Length)))];

    /// <summary>
    /// Where the words of <paramref name="body"/> that the index holds start, and how long they are: the first
    /// <see cref="MaxBodyWords"/> distinct ones (case-insensitively) of its first <see cref="MaxBodyCharacters"/>
    /// characters, without a word the character limit cuts. Indexing and the check after a block matched both read this.
    /// </summary>
    public static List<(int Start, int Length)> IndexedWords(string body)
    {
        var end = Math.Min(body.Length, MaxBodyCharacters);
        var words = Words(body.AsSpan(0, end));
        if (words.Count > 0 && end < body.Length && char.IsLetterOrDigit(body[end]) && words[^1].Start + words[^1].Length == end)
        {
            words.RemoveAt(words.Count - 1); // a word cut by the limit is not a word of the body
        }

        if (words.Count <= MaxBodyWords)
        {
            return words; // fewer words than the limit: all of them are indexed, whatever repeats
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var distinct = new List<(int, int)>(MaxBodyWords);
        foreach (var (start, length) in words)
        {
            if (seen.Add(body.AsSpan(start, length)))
            {
                distinct.Add((start, length));
                if (distinct.Count == MaxBodyWords)
                {
                    break;
                }
            }
        }

        return distinct;
    }

    /// <summary>
    /// A word as blocks are indexed and checked under: ASCII lower-cased; other text also without its diacritics,
    /// as the index's own tokenizer (unicode61) folds it. Two words that fold alike are always found by the index.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        if (System.Text.Ascii.IsValid(word))
        {
            return string.Create(word.Length, word, static (span, source) => System.Text.Ascii.ToLower(source, span, out _));
        }

        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The key and text value of each scalar attribute the index holds: the first <see cref="MaxAttributes"/>.</summary>
    public static IEnumerable<(string Key, string Text)> IndexedAttributes(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        var indexed = 0;
        foreach (var attribute in attributes)
        {
            if (TelemetryAttributes.ToFilterText(attribute.Value) is { } text)
            {
                yield return (attribute.Key, text);
                if (++indexed == MaxAttributes)
                {
                    yield break;
                }
            }
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
