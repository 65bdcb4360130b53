using System.ComponentModel;
using Vigil.Grouping;

namespace Vigil.Storage;

/// <summary>One entry of <see cref="ErrorTrackingSection.GroupingRules"/>, as the binder reads it; see <see cref="GroupingRule"/>.</summary>
[Description("a grouping rule")]
public sealed class GroupingRuleSection
{
    /// <summary>Full exception type names (exact), matched at any depth of the inner exceptions.</summary>
    public IList<string> Types { get; } = new List<string>();

    /// <summary>Default fingerprints, as <c>vigil errors show</c> prints them.</summary>
    public IList<string> Fingerprints { get; } = new List<string>();

    /// <summary>A group name: every matching event goes to this one group.</summary>
    public string? MergeInto { get; set; }

    /// <summary>Attribute names whose values split matching events into one group per value combination.</summary>
    public IList<string> SplitByAttributes { get; } = new List<string>();

    internal GroupingRule ToRule() => new()
    {
        Types = ErrorTrackingSection.Trimmed(Types),
        Fingerprints = ErrorTrackingSection.Trimmed(Fingerprints),
        MergeInto = string.IsNullOrWhiteSpace(MergeInto) ? null : MergeInto.Trim(),
        SplitByAttributes = ErrorTrackingSection.Trimmed(SplitByAttributes),
    };
}
