namespace Vigil.Model;

/// <summary>
/// Which error groups <c>QueryErrorGroupsAsync</c> lists: every filter that is set must match;
/// newest activity (<see cref="ErrorGroup.LastSeen"/>) first.
/// </summary>
public sealed record ErrorGroupQuery
{
    /// <summary>The default for <see cref="Limit"/>.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Only groups that this <c>service.name</c> has reported.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Only groups seen at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only groups first seen before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only groups with this status.</summary>
    public ErrorGroupStatus? Status { get; init; }

    /// <summary>Only groups whose current <see cref="ErrorGroup.Severity"/> is at least this.</summary>
    public ErrorSeverity? MinimumSeverity { get; init; }

    /// <summary>The most groups to return.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
