using System.Globalization;
using System.Text;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// What the log table's two GIN-indexed arrays hold, and what a query looks for in them. Words are runs of letters
/// and digits, folded (ASCII lower-cased; other text also without diacritics), the first 1,000 distinct words of the
/// first 32,768 characters of a body, as the SQLite engine's index keeps them, so a search finds the same records on
/// both. Attributes are the first 128 scalar ones, as key, U+001F, filter text.
/// </summary>
internal static class LogSearchTerms
{
    public const int MaxBodyCharacters = 32 * 1024;
    public const int MaxBodyWords = 1000;
    public const int MaxAttributes = 128;

    private const char Separator = '\u001f';

    /// <summary>The distinct folded words the index keeps of <paramref name="body"/>.</summary>
    public static string[] BodyWords(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return [];
        }

        var end = Math.Min(body.Length, MaxBodyCharacters);
        var words = Words(body.AsSpan(0, end));
        if (words.Count > 0 && end < body.Length && char.IsLetterOrDigit(body[end]) && words[^1].Start + words[^1].Length == end)
        {
            words.RemoveAt(words.Count - 1); // a word cut by the limit is not a word of the body
        }

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (start, length) in words)
        {
            var word = body.Substring(start, length);
            if (seen.Add(word))
            {
                distinct.Add(Fold(word));
                if (seen.Count == MaxBodyWords)
                {
                    break;
                }
            }
        }

        return [.. distinct];
    }

    /// <summary>The folded words of a query's text: every one must be among a record's words.</summary>
    public static string[] QueryWords(string text) => [.. Words(text).Select(w => Fold(text.Substring(w.Start, w.Length))).Distinct(StringComparer.Ordinal)];

    /// <summary>The record's indexed attributes as the array holds them.</summary>
    public static string[] Attributes(IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        var result = new List<string>();
        foreach (var attribute in attributes)
        {
            if (TelemetryAttributes.ToFilterText(attribute.Value) is { } text)
            {
                result.Add(Attribute(attribute.Key, text));
                if (result.Count == MaxAttributes)
                {
                    break;
                }
            }
        }

        return [.. result];
    }

    public static string Attribute(string key, string text) => key + Separator + text;

    private static string Fold(string word)
    {
        if (Ascii.IsValid(word))
        {
            return word.ToLowerInvariant();
        }

        var decomposed = word.Normalize(NormalizationForm.FormD);
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
}
