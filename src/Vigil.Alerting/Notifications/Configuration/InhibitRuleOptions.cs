using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// An inhibition rule, as in Alertmanager: while an alert matching <see cref="SourceMatchers"/> fires, alerts matching
/// <see cref="TargetMatchers"/> that have the same values of the <see cref="Equal"/> labels are not notified.
/// </summary>
[Description("an inhibition rule")]
public sealed class InhibitRuleOptions
{
    /// <summary>What the muting alert matches.</summary>
    [SingleValueList]
    public IList<string> SourceMatchers { get; } = new List<string>();

    /// <summary>What the muted alerts match.</summary>
    [SingleValueList]
    public IList<string> TargetMatchers { get; } = new List<string>();

    /// <summary>Labels whose values must be the same in both alerts (<c>service</c>).</summary>
    [SingleValueList]
    public IList<string> Equal { get; } = new List<string>();
}
