namespace Vigil.Model;

/// <summary>Which alert instances <c>QueryAlertsAsync</c> returns: firing first, then pending, then resolved, newest first within each.</summary>
public sealed record AlertQuery
{
    /// <summary>Only instances in these states; empty means firing and pending (what <c>vigil alerts</c> shows).</summary>
    public IReadOnlyList<AlertState> States { get; init; } = [];

    /// <summary>Only instances of this rule.</summary>
    public string? RuleName { get; init; }

    /// <summary>Only instances whose labels match every matcher.</summary>
    public IReadOnlyList<LabelMatcher> Matchers { get; init; } = [];

    /// <summary>
    /// Only instances with an <see cref="AlertInstance.EndsAt"/> at or before this time: received alerts that were not
    /// sent again before they ended.
    /// </summary>
    public DateTimeOffset? EndsBy { get; init; }

    /// <summary>At most this many.</summary>
    public int Limit { get; init; } = 100;
}
