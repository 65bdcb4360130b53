namespace Vigil.Model;

/// <summary>
/// One alert: one rule (or one alert received from Prometheus) and one label set, with its state, the value that
/// made it, and its evidence. The rule engine saves it through <c>IAlertStateStore.SaveAlertsAsync</c>, which gives it
/// its <see cref="Id"/>; the notifier routes it; users acknowledge it by that id.
/// </summary>
public sealed record AlertInstance
{
    /// <summary>The store's id, 0 until first saved; shown and typed by users (<c>vigil alerts ack 12</c>).</summary>
    public long Id { get; init; }

    /// <summary>The rule's name (for an alert received over the Alertmanager API, its <c>alertname</c>).</summary>
    public string RuleName { get; init; } = string.Empty;

    /// <summary>
    /// The labels that identify the instance: <see cref="AlertLabels.AlertName"/>, <see cref="AlertLabels.Severity"/>,
    /// the rule's own labels and the values of its grouping attributes.
    /// </summary>
    public AlertLabels Labels { get; init; } = AlertLabels.Empty;

    /// <summary>The rule's annotations with their templates filled in (summary, description, runbook...).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The state after the latest evaluation.</summary>
    public AlertState State { get; init; }

    /// <summary>When the condition started to hold (the start of <see cref="AlertState.Pending"/>).</summary>
    public DateTimeOffset ActiveSince { get; init; }

    /// <summary>When the instance last moved to <see cref="AlertState.Firing"/>; null if it never fired.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>When it last moved to <see cref="AlertState.Resolved"/>; null while it has not.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When its rule was last evaluated (or the alert last received).</summary>
    public DateTimeOffset LastEvaluated { get; init; }

    /// <summary>The value the latest evaluation computed (a rate, a count, a burn rate...); null where a rule has none (a new error group).</summary>
    public double? Value { get; init; }

    /// <summary>The threshold the value was compared with; null where a rule has none.</summary>
    public double? Threshold { get; init; }

    /// <summary>What made it fire, for the notification: matching log lines, the error group, links.</summary>
    public AlertEvidence Evidence { get; init; } = AlertEvidence.None;

    /// <summary>
    /// For an alert received over the Alertmanager API: when it resolves unless it is sent again (its <c>endsAt</c>,
    /// or its receipt plus the resolve timeout). Null for the rule engine's own alerts, which resolve by evaluation.
    /// </summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>The latest acknowledgement while the instance is firing; cleared when it resolves or the acknowledgement times out.</summary>
    public AlertAcknowledgement? Acknowledgement { get; init; }
}
