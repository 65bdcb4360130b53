namespace Vigil.Api.Contracts.V1;

/// <summary>One alert instance: one rule and one label set, with its state, value and evidence.</summary>
public sealed record ApiAlert
{
    /// <summary>The instance's id (what <c>vigil alerts ack ID</c> takes).</summary>
    public long Id { get; init; }

    /// <summary>The rule's name.</summary>
    public string RuleName { get; init; } = string.Empty;

    /// <summary>The labels that identify the instance, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The annotations with their templates filled in.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The state after the latest evaluation.</summary>
    public ApiAlertState State { get; init; }

    /// <summary>When the condition started to hold.</summary>
    public DateTimeOffset ActiveSince { get; init; }

    /// <summary>When it last started firing; null if it never fired.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>When it last resolved; null while it has not.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>
    /// For an alert received over the Alertmanager API: when it resolves unless it is sent again. Null for the rule
    /// engine's own alerts.
    /// </summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>When its rule was last evaluated.</summary>
    public DateTimeOffset LastEvaluated { get; init; }

    /// <summary>The value the latest evaluation computed, if the rule has one.</summary>
    public double? Value { get; init; }

    /// <summary>The threshold it was compared with, if the rule has one.</summary>
    public double? Threshold { get; init; }

    /// <summary>What made it fire.</summary>
    public ApiAlertEvidence Evidence { get; init; } = new();

    /// <summary>The latest acknowledgement while it fires; null when there is none.</summary>
    public ApiAlertAcknowledgement? Acknowledgement { get; init; }
}
