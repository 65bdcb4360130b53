namespace Vigil.Model;

/// <summary>
/// Which log records <c>QueryLogsAsync</c> returns. Every filter that is set
/// must match. Without <see cref="AfterSequence"/> the result is the newest <see cref="Limit"/>
/// matches in ascending time order (newest last); "newest" is by timestamp, except when
/// <see cref="Text"/>, <see cref="TraceId"/> or <see cref="Attributes"/> is set, where it is by
/// arrival (sequence) so the full-text index can stop early. With it, the oldest <see cref="Limit"/> matches
/// whose sequence is greater, in ascending sequence order, so a follower can page forward. With
/// <see cref="BeforeSequence"/>, the newest <see cref="Limit"/> matches by arrival whose sequence is lower, in
/// ascending sequence order, so a reader can page back through every match with no gap and no repeat.
/// </summary>
public sealed record LogQuery
{
    /// <summary>The default for <see cref="Limit"/>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Only records from this <c>service.name</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Only records with at least this severity number (1 to 24).</summary>
    public int? MinimumSeverity { get; init; }

    /// <summary>Only records at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only records before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>
    /// Text search over the body, like <c>grep -i -F</c> with whole words: the body must contain the
    /// text (case-insensitive for ASCII) and every word of the text as a whole word, so
    /// <c>time</c> does not find <c>timeout</c>. Served by a full-text index, which holds the first
    /// 1,000 distinct words of the first 32,768 characters of a body.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Only records of this trace (32 hex characters).</summary>
    public string? TraceId { get; init; }

    /// <summary>
    /// Attribute equality filters (<c>key=value</c>); the value is compared with the attribute's
    /// text form (<see cref="TelemetryAttributes.ToFilterText"/>). A 64-bit hash of key and value in
    /// the full-text index narrows the rows, then the stored attributes decide. The index holds a
    /// record's first 128 scalar attributes, so one past those is not found.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>Only records whose <see cref="LogEntry.Sequence"/> is greater than this.</summary>
    public long? AfterSequence { get; init; }

    /// <summary>Only records whose <see cref="LogEntry.Sequence"/> is lower than this; not with <see cref="AfterSequence"/>.</summary>
    public long? BeforeSequence { get; init; }

    /// <summary>The most records to return.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
