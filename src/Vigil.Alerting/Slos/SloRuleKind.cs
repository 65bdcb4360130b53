using Vigil.Alerting.Rules;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Slos;

/// <summary>The <c>slo</c> rule kind: an SLO's multiwindow burn-rate alert, evaluated by <see cref="SloBurnRateCondition"/>.</summary>
internal static class SloRuleKind
{
    public const string Name = "slo";

    public static RuleKind Kind { get; } = new()
    {
        Name = Name,
        SectionName = "Slo",
        Section = options => options.Slo,
        Validate = (options, path, _) => Validate(options, path),
        Create = (options, _) => new SloBurnRateCondition(options.Slo!.Definition!, options.Slo.Alert!),
    };

    private static IEnumerable<ConfigurationProblem> Validate(AlertRuleOptions options, string path)
    {
        if (options.Slo is not { Definition: not null, Alert: not null })
        {
            yield return new($"{path}:Kind", $"\"{Name}\" rules are made from the SLOs in Alerts:{SloConfiguration.Key}; declare the SLO there (see docs/slo.md)");
        }
    }
}
