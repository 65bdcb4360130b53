using System.ComponentModel;

namespace Vigil.Alerting.Rules;

/// <summary>
/// One rule as the configuration writes it (see docs/alerts.md), before validation: every field is text or a number,
/// so that the validator (<c>AlertRuleValidator</c>) can name each bad value. The kind's own fields live in the sub-object of
/// the same name (<c>"Kind": "error", "Error": { ... }</c>). The class is partial: each kind adds its sub-object
/// property in its own file, next to its condition.
/// </summary>
[Description("an alert rule")]
public sealed partial class AlertRuleOptions
{
    /// <summary>The rule's name: unique, becomes the <c>alertname</c> label (letters, digits, <c>_ - . :</c>).</summary>
    public string? Name { get; set; }

    /// <summary>What the rule watches: a kind registered in <c>RuleKinds</c> (<c>error</c>, <c>health</c>, ...).</summary>
    public string? Kind { get; set; }

    /// <summary>How often it is evaluated, in <c>DurationGrammar</c> (default 30s).</summary>
    public string? Interval { get; set; }

    /// <summary>How long the condition must hold before the alert fires (default 0: fire at once).</summary>
    public string? For { get; set; }

    /// <summary>How long the alert keeps firing after the condition stops holding (default 0).</summary>
    public string? KeepFiringFor { get; set; }

    /// <summary>The <c>severity</c> label: one of <see cref="AlertSeverities.Names"/> (default <c>warning</c>).</summary>
    public string? Severity { get; set; }

    /// <summary>Labels added to every instance (routing keys such as <c>team</c>); names are Prometheus label names.</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Annotations (summary, description, runbook...), templates that can show the value (see <c>AnnotationTemplate</c>).</summary>
    public IDictionary<string, string> Annotations { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
