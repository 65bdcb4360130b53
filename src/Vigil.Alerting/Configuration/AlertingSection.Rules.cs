using Vigil.Alerting.Rules;

namespace Vigil.Alerting.Configuration;

/// <summary>The rules: declared here or in rule files, plus the built-in defaults.</summary>
public sealed partial class AlertingSection
{
    /// <summary>The rules declared inline; each element is validated on its own, to keep its index in messages.</summary>
    public IList<AlertRuleOptions> Rules { get; } = new List<AlertRuleOptions>();

    /// <summary>
    /// Rule files to read besides <see cref="Rules"/>: JSON files holding <c>{ "Rules": [ ... ] }</c>, the same shape as
    /// the inline list, relative to the configuration file. They are re-read on change.
    /// </summary>
    public IList<string> RuleFiles { get; } = new List<string>();

    /// <summary>
    /// Whether the built-in rules run (a new high or critical error group, a regression, an unhealthy and a stale
    /// check or probe); true unless set to false.
    /// </summary>
    public bool DefaultRules { get; set; } = true;
}
