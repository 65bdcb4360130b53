using Vigil.Storage;

namespace Vigil.Alerting.Rules;

/// <summary>What one evaluation of one rule may use.</summary>
internal sealed record RuleContext
{
    /// <summary>The evaluation's time, from the engine's <see cref="TimeProvider"/>; windows end here.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>
    /// The previous evaluation of this rule, or null on the first one since start or reload; a condition that looks
    /// for news since then looks back one <see cref="AlertRule.Interval"/> when it is null.
    /// </summary>
    public DateTimeOffset? PreviousEvaluation { get; init; }

    /// <summary>The rule, validated (its kind's options in <see cref="AlertRule.Options"/>).</summary>
    public required AlertRule Rule { get; init; }

    /// <summary>Logs, spans and metrics.</summary>
    public required ITelemetryReader Reader { get; init; }

    /// <summary>
    /// Counts of log records and when a service or metric last sent data: what log and absence rules read. Typed here,
    /// not cast from <see cref="Reader"/>, so a host that lacks the role fails at registration, not at the first rule.
    /// </summary>
    public required IAlertSignalReader Signals { get; init; }

    /// <summary>Error groups and the health of checks and probes.</summary>
    public required ITriageStore Triage { get; init; }

    /// <summary>The start of the span a "since the last evaluation" condition looks at.</summary>
    public DateTimeOffset Since => PreviousEvaluation ?? Now - Rule.Interval;
}
