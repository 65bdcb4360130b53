namespace Vigil.Grouping;

/// <summary>
/// Merges several groups into one, or splits a group by an attribute value. A rule matches when any of its
/// <see cref="Types"/> or <see cref="Fingerprints"/> matches; the first matching rule applies.
/// </summary>
public sealed class GroupingRule
{
    /// <summary>Exception types (exact, ordinal) that this rule matches, at any depth of the inner chain.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Default fingerprints (the <see cref="ExceptionFingerprint.Value"/> without rules) that this rule matches.</summary>
    public IReadOnlyList<string> Fingerprints { get; init; } = [];

    /// <summary>When set, every matching event gets the fingerprint of this group name (merge).</summary>
    public string? MergeInto { get; init; }

    /// <summary>Attribute names whose values are added to the fingerprint (split); a missing attribute adds an empty value.</summary>
    public IReadOnlyList<string> SplitByAttributes { get; init; } = [];
}
