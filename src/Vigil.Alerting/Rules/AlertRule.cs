using Vigil.Model;

namespace Vigil.Alerting.Rules;

/// <summary>
/// A rule after validation: durations read, labels and templates parsed, its kind found. Built by
/// <c>AlertRuleValidator</c> from <see cref="AlertRuleOptions"/>; its condition is built by
/// <see cref="RuleKind.Create"/> from <see cref="Options"/>.
/// </summary>
internal sealed record AlertRule
{
    /// <summary>The interval of a rule that gives none.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>The shortest interval allowed: a rule is a query against the store.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>The longest interval, <c>For</c> or <c>KeepFiringFor</c> allowed.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    /// <summary>The unique name, also the <c>alertname</c> label.</summary>
    public required string Name { get; init; }

    /// <summary>The kind.</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>How often it is evaluated.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>How long the condition must hold before an instance fires.</summary>
    public TimeSpan For { get; init; }

    /// <summary>How long an instance keeps firing after the condition stops holding.</summary>
    public TimeSpan KeepFiringFor { get; init; }

    /// <summary>The severity (one of <see cref="AlertSeverities.Names"/>).</summary>
    public string Severity { get; init; } = AlertSeverities.Default;

    /// <summary>The labels every instance carries: the rule's own, <c>alertname</c> and <c>severity</c>.</summary>
    public AlertLabels Labels { get; init; } = AlertLabels.Empty;

    /// <summary>The annotation templates, by annotation name.</summary>
    public IReadOnlyDictionary<string, AnnotationTemplate> Annotations { get; init; } = new Dictionary<string, AnnotationTemplate>();

    /// <summary>The options it was built from; the kind reads its sub-object here.</summary>
    public required AlertRuleOptions Options { get; init; }

    /// <summary>What it was loaded with beyond its options (the budget file), for <see cref="RuleKind.Create"/>.</summary>
    public required RuleLoadContext LoadContext { get; init; }

    /// <summary>Where it was declared, for <c>vigil alerts rules</c>: the key path or the rule file and index.</summary>
    public string Source { get; init; } = string.Empty;
}
