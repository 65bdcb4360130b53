using Vigil.Alerting.Rules.Log;

namespace Vigil.Alerting.Rules;

/// <summary>The log kind's sub-object.</summary>
public sealed partial class AlertRuleOptions
{
    /// <summary>The fields of a <c>log</c> rule (see docs/alerts-rules-kinds.md).</summary>
    public LogRuleOptions? Log { get; set; }
}
