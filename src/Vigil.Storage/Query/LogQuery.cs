namespace Vigil.Storage;

/// <summary>
/// Which log records <see cref="ITelemetryStore.QueryLogsAsync"/> returns. Every filter that is set
/// must match. Without <see cref="AfterSequence"/> the result is the newest <see cref="Limit"/>
/// matches in ascending time order (newest last); with it, the oldest <see cref="Limit"/> matches
/// whose sequence is greater, in ascending sequence order, so a follower can page forward.
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
    /// Full-text search over the body: every word of the text must appear, as a phrase, case-insensitive.
    /// Words match whole tokens (<c>time</c> does not match <c>timeout</c>).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Only records of this trace (32 hex characters).</summary>
    public string? TraceId { get; init; }

    /// <summary>
    /// Attribute equality filters (<c>key=value</c>); the value is compared with the attribute's
    /// text form (<see cref="TelemetryAttributes.ToFilterText"/>).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>Only records whose <see cref="LogEntry.Sequence"/> is greater than this.</summary>
    public long? AfterSequence { get; init; }

    /// <summary>The most records to return.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
