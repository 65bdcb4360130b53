using Vigil.Alerting.Rules;
using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Tests.Rules;

/// <summary>Rules built the way the engine builds them: through the validator, which must accept them.</summary>
internal static class TestRules
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AlertRule Health(string name = "Down", string? @for = null, string? keepFiringFor = null, string interval = "10s", string? summary = null)
    {
        var options = new AlertRuleOptions { Name = name, Kind = "health", Interval = interval, For = @for, KeepFiringFor = keepFiringFor, Severity = "critical" };
        options.Labels["team"] = "shop";
        if (summary is not null)
        {
            options.Annotations["summary"] = summary;
        }

        return Compile(options);
    }

    public static AlertRule Compile(AlertRuleOptions options)
    {
        var problems = new List<ConfigurationProblem>();
        var rule = AlertRuleValidator.Compile(options, "Alerts:Rules:0", "Alerts:Rules:0", new RuleLoadContext(Directory.GetCurrentDirectory(), null), problems);
        Assert.Empty(problems);
        return rule!;
    }

    public static RuleSample Sample(string service, bool active, double? value = null, double? threshold = null) => new()
    {
        Labels = AlertLabels.From([new("service", service)]),
        IsActive = active,
        Value = value,
        Threshold = threshold,
    };
}
