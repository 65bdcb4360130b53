namespace Vigil;

/// <summary>
/// One entry of <see cref="ErrorsOptions.GroupingRules"/>: it matches events whose exception type is one of
/// <see cref="Types"/> or whose default fingerprint is one of <see cref="Fingerprints"/>, and either merges them
/// into one group (<see cref="MergeInto"/>) or splits them by attribute values (<see cref="SplitByAttributes"/>).
/// </summary>
public sealed class ErrorGroupingRuleOptions
{
    /// <summary>Full exception type names (exact), matched at any depth of the inner exceptions.</summary>
    public IList<string> Types { get; } = new List<string>();

    /// <summary>Default fingerprints, as <c>vigil errors show</c> prints them.</summary>
    public IList<string> Fingerprints { get; } = new List<string>();

    /// <summary>A group name: every matching event goes to this one group.</summary>
    public string? MergeInto { get; set; }

    /// <summary>Attribute names whose values split matching events into one group per value combination.</summary>
    public IList<string> SplitByAttributes { get; } = new List<string>();
}
