namespace Vigil.Model;

/// <summary>Which transitions and notification attempts the history queries return, newest first.</summary>
public sealed record AlertHistoryQuery
{
    /// <summary>Only those of this alert instance.</summary>
    public long? AlertId { get; init; }

    /// <summary>Only those of this rule.</summary>
    public string? RuleName { get; init; }

    /// <summary>Only those of instances whose labels match every matcher.</summary>
    public IReadOnlyList<LabelMatcher> Matchers { get; init; } = [];

    /// <summary>Only at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only before this time.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>At most this many.</summary>
    public int Limit { get; init; } = 100;
}
