namespace Vigil.Model;

/// <summary>
/// What a notification shows beside the value and the threshold, so the person paged can start without opening
/// anything: a few matching log lines, or the error group's type, message and culprit frame, and where to look next.
/// </summary>
public sealed record AlertEvidence
{
    /// <summary>No evidence.</summary>
    public static AlertEvidence None { get; } = new();

    /// <summary>A few of the log records that matched, newest first, as one line each (time, level, service, body).</summary>
    public IReadOnlyList<string> LogLines { get; init; } = [];

    /// <summary>
    /// One line that says what was measured, for kinds without log lines or an error group: a metric's aggregation,
    /// series and value, or when a silent service was last seen.
    /// </summary>
    public string? Detail { get; init; }

    /// <summary>The error group behind the alert, when there is one.</summary>
    public long? ErrorGroupId { get; init; }

    /// <summary>The error group's exception type.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The error group's representative message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The error group's culprit frame.</summary>
    public string? Culprit { get; init; }

    /// <summary>A trace that shows the problem (for instance the latest error event's), as 32 hex digits.</summary>
    public string? TraceId { get; init; }
}
