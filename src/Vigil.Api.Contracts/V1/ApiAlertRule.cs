namespace Vigil.Api.Contracts.V1;

/// <summary>One rule in force, as <c>GET /api/alerts/rules</c> lists it: its definition, its instances' state and its latest evaluation.</summary>
public sealed record ApiAlertRule
{
    /// <summary>The name (the <c>alertname</c> label).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The kind: <c>error</c>, <c>health</c>, <c>metric</c>, <c>log</c>, <c>absence</c>...</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>Where it was declared: <c>default</c>, a key path (<c>Alerts:Rules:0</c>) or a rule file's (<c>rules.json:Rules:0</c>).</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>How often it is evaluated.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>How long the condition must hold before an instance fires.</summary>
    public TimeSpan For { get; init; }

    /// <summary>How long an instance keeps firing after the condition stops holding.</summary>
    public TimeSpan KeepFiringFor { get; init; }

    /// <summary>The severity label.</summary>
    public string Severity { get; init; } = string.Empty;

    /// <summary>The labels every instance carries, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The annotation templates as written.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Firing when any instance fires, else pending when any is pending, else inactive.</summary>
    public ApiAlertState State { get; init; }

    /// <summary>Instances firing.</summary>
    public int Firing { get; init; }

    /// <summary>Instances pending.</summary>
    public int Pending { get; init; }

    /// <summary>When the latest evaluation started; null before the first.</summary>
    public DateTimeOffset? LastEvaluation { get; init; }

    /// <summary>How long the latest evaluation took.</summary>
    public TimeSpan? LastDuration { get; init; }

    /// <summary>Why the latest evaluation failed; null when it succeeded.</summary>
    public string? LastError { get; init; }

    /// <summary>Evaluations since the rule was loaded.</summary>
    public long Evaluations { get; init; }

    /// <summary>Failed evaluations since the rule was loaded.</summary>
    public long Failures { get; init; }
}
