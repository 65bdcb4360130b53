namespace Vigil.Alerting.Slos;

/// <summary>An SLO as evaluated at one moment: over its window and over each alert's windows.</summary>
/// <param name="Slo">The SLO.</param>
/// <param name="EvaluatedAt">The end of every window.</param>
/// <param name="Events">The events of the SLO's whole window.</param>
/// <param name="Alerts">Each burn-rate alert's windows, in the SLO's order.</param>
public sealed record SloStatus(SloDefinition Slo, DateTimeOffset EvaluatedAt, SloEvents Events, IReadOnlyList<BurnRateStatus> Alerts)
{
    /// <summary>The share of good events over the window; null with no events (unknown, not 100 %).</summary>
    public double? Attainment => SloMath.Attainment(Events);

    /// <summary>The share of the window's error budget left (below 0 when overspent); null with no events.</summary>
    public double? BudgetRemaining => SloMath.BudgetRemaining(Events, Slo.Objective);

    /// <summary>The burn rate over the whole window; null with no events.</summary>
    public double? WindowBurnRate => SloMath.BurnRate(Events, Slo.Objective);
}
