using System.ComponentModel;
using Vigil.Alerting.Slos;

namespace Vigil.Alerting.Rules;

/// <summary>
/// What a rule of kind <c>slo</c> evaluates: one burn-rate alert of one SLO. <see cref="SloRules"/> makes these from
/// <c>Alerts:Slos</c>; the SLO and the alert are carried as objects, not as configuration text, so a hand-written
/// <c>"Kind": "slo"</c> rule has none and is refused with a pointer to <c>Alerts:Slos</c>.
/// </summary>
[Description("an SLO rule (made from Alerts:Slos)")]
public sealed class SloRuleOptions
{
    /// <summary>The SLO's name, for listings.</summary>
    public string? Name { get; set; }

    /// <summary>The SLO; set only by <see cref="SloRules"/>.</summary>
    internal SloDefinition? Definition { get; init; }

    /// <summary>The SLO's burn-rate alert this rule is; set only by <see cref="SloRules"/>.</summary>
    internal BurnRateWindow? Alert { get; init; }
}
