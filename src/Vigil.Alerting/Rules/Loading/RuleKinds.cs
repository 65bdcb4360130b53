namespace Vigil.Alerting.Rules;

/// <summary>The registry of rule kinds, by name: one line per kind.</summary>
internal static class RuleKinds
{
    /// <summary>Every kind. A new kind adds one line here (its <see cref="RuleKind"/> instance, kept by the kind).</summary>
    public static IReadOnlyList<RuleKind> All { get; } =
    [
        ErrorRuleKind.Kind,
        HealthRuleKind.Kind,
        Metric.MetricRuleKind.Instance,
        Log.LogRuleKind.Instance,
        Absence.AbsenceRuleKind.Instance,
        Budget.BudgetRuleKind.Instance,
        Slos.SloRuleKind.Kind,
    ];

    /// <summary>What messages say is allowed for <c>Kind</c>.</summary>
    public static string Allowed => string.Join(", ", All.Select(k => k.Name));

    /// <summary>Finds a kind by name, case-insensitively.</summary>
    /// <param name="name">The configured name.</param>
    /// <returns>The kind, or null.</returns>
    public static RuleKind? Find(string? name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
