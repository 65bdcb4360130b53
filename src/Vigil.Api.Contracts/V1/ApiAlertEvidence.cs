namespace Vigil.Api.Contracts.V1;

/// <summary>What a notification shows beside the value: matching log lines, what was measured, or the error group behind the alert.</summary>
public sealed record ApiAlertEvidence
{
    /// <summary>A few matching log records, newest first, one line each.</summary>
    public IReadOnlyList<string> LogLines { get; init; } = [];

    /// <summary>One line that says what was measured, for kinds without log lines or an error group: a metric's series and value, or when a silent service was last seen.</summary>
    public string? Detail { get; init; }

    /// <summary>The error group's id, when there is one.</summary>
    public long? ErrorGroupId { get; init; }

    /// <summary>The error group's exception type.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The error group's message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The error group's culprit frame.</summary>
    public string? Culprit { get; init; }

    /// <summary>A trace that shows the problem, as 32 hex digits.</summary>
    public string? TraceId { get; init; }
}
