using System.ComponentModel;

namespace Vigil.Alerting.Rules;

/// <summary>A rule file's top level, as the binder reads it: <c>{ "Rules": [ ... ] }</c>, the shape of <c>Alerts:Rules</c>.</summary>
[Description("a rule file")]
internal sealed class RuleFileSection
{
    /// <summary>The rules.</summary>
    public IList<AlertRuleOptions> Rules { get; } = new List<AlertRuleOptions>();
}
