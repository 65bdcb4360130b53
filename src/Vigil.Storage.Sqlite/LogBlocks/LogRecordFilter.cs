using Vigil.Model;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// A <see cref="LogQuery"/>'s record-level test, run on every record of a block the block-level filters let through,
/// and the full-text terms that pick the blocks. The test is what the query means; the terms only narrow.
/// </summary>
internal sealed class LogRecordFilter
{
    private readonly LogQuery _query;
    private readonly string? _text;
    private readonly List<string> _words;
    private readonly string? _traceId;
    private readonly long? _from;
    private readonly long? _to;
    private readonly byte[][] _attributeBytes;

    public LogRecordFilter(LogQuery query)
    {
        _query = query;
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            _text = query.Text.Trim();
            _words = SearchTokens.FoldedWords(_text);
            Terms.AddRange(SearchTokens.QuotedWords(_text));
        }
        else
        {
            _words = [];
        }

        if (!string.IsNullOrEmpty(query.TraceId))
        {
            _traceId = query.TraceId.ToLowerInvariant();
            Terms.Add(SearchTokens.Quote(SearchTokens.TraceBucketToken(_traceId)));
        }

        foreach (var attribute in query.Attributes)
        {
            Terms.Add(SearchTokens.Quote(SearchTokens.AttributeToken(attribute.Key, attribute.Value)));
        }

        _attributeBytes = [.. query.Attributes.Select(a => a.Key).Where(IsWrittenAsIs)
            .Concat(query.Attributes.Select(a => a.Value).Where(IsWrittenAsIsValue))
            .Select(System.Text.Encoding.UTF8.GetBytes)];
        _from = query.From is { } from ? UnixTime.ToNanoseconds(from) : null;
        _to = query.To is { } to ? UnixTime.ToNanoseconds(to) : null;
    }

    /// <summary>The quoted full-text terms a block must hold, ANDed; empty when the query has no text, trace or attribute filter.</summary>
    public List<string> Terms { get; } = [];

    public string? Text => _text;

    public long? From => _from;

    public long? To => _to;

    public bool Matches(LogBlock block, int record)
    {
        var time = block.Times[record];
        if ((_from is { } from && time < from) || (_to is { } to && time >= to))
        {
            return false;
        }

        return MatchesAnyTime(block, record);
    }

    /// <summary>Every test but the time window's: what a block's cached matches keep, for any window (<see cref="LogCountCache"/>).</summary>
    public bool MatchesAnyTime(LogBlock block, int record)
    {
        if (_query.MinimumSeverity is { } severity && block.Severities[record] < severity)
        {
            return false;
        }

        if (_traceId is not null && !block.HasTraceId(record, _traceId))
        {
            return false;
        }

        if (_text is not null && !MatchesText(block.Body(record)))
        {
            return false;
        }

        if (_query.Attributes.Count == 0)
        {
            return true;
        }

        foreach (var bytes in _attributeBytes)
        {
            if (!block.AttributesContain(record, bytes))
            {
                return false; // a key or value the JSON would hold as these very bytes is not there
            }
        }

        return HasAttributes(block.Attributes(record), _query.Attributes);
    }

    /// <summary>A key the attribute JSON writes byte for byte as it is (no escapes): ASCII letters, digits and <c>._-:/</c>.</summary>
    private static bool IsWrittenAsIs(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '/');

    /// <summary>
    /// A value whose filter text is in the JSON as it is: a word, a whole number or a boolean. Not a fraction: a
    /// double's filter text (<c>3</c>, <c>1E-07</c>) need not be how the JSON spells it (<c>3.0</c>).
    /// </summary>
    private static bool IsWrittenAsIsValue(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') &&
        (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _) ||
         !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));

    /// <summary>
    /// Contains the text as typed, ignoring ASCII case only (as SQLite's LIKE did), and holds every word of it among the
    /// words the index keeps of a body (<see cref="SearchTokens.IndexedWords"/>), so <c>time</c> does not find <c>timeout</c>.
    /// </summary>
    private bool MatchesText(string? body)
    {
        if (body is null || !body.Contains(_text!, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!(System.Text.Ascii.IsValid(body) && System.Text.Ascii.IsValid(_text)) &&
            !AsciiLower(body).Contains(AsciiLower(_text!), StringComparison.Ordinal))
        {
            return false; // equal only by non-ASCII case folding, which LIKE never did
        }

        var indexed = SearchTokens.IndexedWords(body);
        foreach (var word in _words)
        {
            var found = false;
            foreach (var (start, length) in indexed)
            {
                var candidate = body.AsSpan(start, length);
                if (System.Text.Ascii.IsValid(candidate) ? candidate.Equals(word, StringComparison.OrdinalIgnoreCase) : SearchTokens.Fold(candidate) == word)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static string AsciiLower(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });

    /// <summary>Whether the record's indexed attributes (its first 128 scalar ones) hold every filter's key with that text form.</summary>
    private static bool HasAttributes(IReadOnlyList<KeyValuePair<string, object?>> stored, IReadOnlyList<KeyValuePair<string, string>> filters)
    {
        foreach (var filter in filters)
        {
            var found = false;
            foreach (var (key, text) in SearchTokens.IndexedAttributes(stored))
            {
                if (key == filter.Key && text == filter.Value)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
