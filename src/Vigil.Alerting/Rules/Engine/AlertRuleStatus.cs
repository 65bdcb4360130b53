using Vigil.Model;

namespace Vigil.Alerting.Rules;

/// <summary>One rule as <c>vigil alerts rules</c> and <c>GET /api/alerts/rules</c> show it: its definition, the state of its instances and its latest evaluation.</summary>
public sealed record AlertRuleStatus
{
    /// <summary>The name (the <c>alertname</c> label).</summary>
    public required string Name { get; init; }

    /// <summary>The kind (<c>error</c>, <c>health</c>, ...).</summary>
    public required string Kind { get; init; }

    /// <summary>Where it was declared: <c>default</c>, a key path (<c>Alerts:Rules:0</c>) or a rule file's (<c>rules.json:Rules:0</c>).</summary>
    public required string Source { get; init; }

    /// <summary>How often it is evaluated.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>How long its condition must hold before an instance fires.</summary>
    public TimeSpan For { get; init; }

    /// <summary>How long an instance keeps firing after its condition stops holding.</summary>
    public TimeSpan KeepFiringFor { get; init; }

    /// <summary>The severity.</summary>
    public required string Severity { get; init; }

    /// <summary>The labels every instance carries (with <c>alertname</c> and <c>severity</c>).</summary>
    public AlertLabels Labels { get; init; } = AlertLabels.Empty;

    /// <summary>The annotation templates as written.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The rule's state: firing when any instance fires, else pending when any is pending, else inactive.</summary>
    public AlertState State { get; init; }

    /// <summary>How many instances are firing.</summary>
    public int Firing { get; init; }

    /// <summary>How many instances are pending.</summary>
    public int Pending { get; init; }

    /// <summary>When the latest evaluation started; null before the first.</summary>
    public DateTimeOffset? LastEvaluation { get; init; }

    /// <summary>How long the latest evaluation took.</summary>
    public TimeSpan? LastDuration { get; init; }

    /// <summary>Why the latest evaluation failed; null when it succeeded.</summary>
    public string? LastError { get; init; }

    /// <summary>Evaluations since the rule was loaded.</summary>
    public long Evaluations { get; init; }

    /// <summary>Evaluations that failed (an exception, or longer than allowed) since the rule was loaded.</summary>
    public long Failures { get; init; }
}
