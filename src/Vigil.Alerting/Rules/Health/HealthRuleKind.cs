using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>The <c>health</c> kind: a check or probe that is unhealthy (or degraded), or has gone stale.</summary>
internal static class HealthRuleKind
{
    /// <summary>The values of <c>On</c>.</summary>
    public static readonly IReadOnlyList<string> Triggers = ["unhealthy", "degraded", "stale"];

    /// <summary>The values of <c>Source</c>.</summary>
    public static readonly IReadOnlyList<string> Sources = ["check", "probe"];

    /// <summary>The registration.</summary>
    public static RuleKind Kind { get; } = new()
    {
        Name = "health",
        SectionName = nameof(AlertRuleOptions.Health),
        Section = options => options.Health,
        Validate = (options, path, _) => Validate(options, path),
        Create = (options, _) => new HealthCondition(Read(options.Health ?? new HealthRuleOptions())),
    };

    /// <summary>The validated options.</summary>
    internal sealed record Settings(string On, HealthSourceKind? Source, string? Service, string? Name, TimeSpan? StaleAfter);

    private static List<ConfigurationProblem> Validate(AlertRuleOptions options, string path)
    {
        // Every field has a default, so a health rule may leave the sub-object out: any check or probe, unhealthy.
        var problems = new List<ConfigurationProblem>();
        if (options.Health is not { } health)
        {
            return problems;
        }

        path += ":Health";
        var on = RuleFields.Choice(health.On, $"{path}:On", Triggers, problems);
        RuleFields.Choice(health.Source, $"{path}:Source", Sources, problems);
        RuleFields.NotBlank(health.Service, $"{path}:Service", "a service.name", problems);
        RuleFields.NotBlank(health.Name, $"{path}:Name", "the name of a check or probe", problems);
        RuleFields.Duration(health.StaleAfter, $"{path}:StaleAfter", TimeSpan.FromSeconds(1), AlertRule.MaxDuration, problems);
        if (health.StaleAfter is not null && on is not (null or "stale"))
        {
            problems.Add(new($"{path}:StaleAfter", $"is only for On stale; this rule is On {on}"));
        }

        return problems;
    }

    private static Settings Read(HealthRuleOptions health)
    {
        var on = Triggers.FirstOrDefault(t => string.Equals(t, health.On?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "unhealthy";
        HealthSourceKind? source = health.Source?.Trim().ToUpperInvariant() switch
        {
            "CHECK" => HealthSourceKind.Check,
            "PROBE" => HealthSourceKind.Probe,
            _ => null,
        };
        var problems = new List<ConfigurationProblem>();
        var staleAfter = RuleFields.Duration(health.StaleAfter, string.Empty, TimeSpan.Zero, TimeSpan.MaxValue, problems);
        return new Settings(on, source, health.Service?.Trim(), health.Name?.Trim(), staleAfter);
    }
}
