using Vigil.Model;

namespace Vigil.Alerting.Rules;

/// <summary>One label set's result of one evaluation.</summary>
internal sealed record RuleSample
{
    /// <summary>
    /// The labels that tell this sample from the rule's other samples (for example <c>service</c>, <c>group_id</c>,
    /// a metric's grouping attributes); empty for a rule with one instance. The engine adds <c>alertname</c>,
    /// <c>severity</c> and the rule's own labels (a sample's label of the same name wins over the rule's).
    /// </summary>
    public AlertLabels Labels { get; init; } = AlertLabels.Empty;

    /// <summary>The value computed (a count, a rate, a burn rate); null where the kind has none (a new error group).</summary>
    public double? Value { get; init; }

    /// <summary>The threshold the value was compared with; null where the kind has none.</summary>
    public double? Threshold { get; init; }

    /// <summary>Whether the condition holds for this label set now.</summary>
    public bool IsActive { get; init; }

    /// <summary>What a notification shows: log lines, the error group, a trace.</summary>
    public AlertEvidence Evidence { get; init; } = AlertEvidence.None;
}
