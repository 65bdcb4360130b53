using Vigil.Storage.Internal;

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

        return _query.Attributes.Count == 0 || HasAttributes(block.Attributes(record), _query.Attributes);
    }

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
