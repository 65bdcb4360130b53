namespace Vigil.Alerting.Slos;

/// <summary>
/// The arithmetic of an SLO (Google SRE workbook, "Alerting on SLOs"): attainment, error budget and burn rate. The
/// error budget is the share of events allowed to be bad, 1 − objective; the burn rate is how fast a window spends
/// it: 1 spends exactly the budget over the SLO's window, 14.4 spends 2 % of a 30-day budget in one hour.
/// </summary>
public static class SloMath
{
    /// <summary>The share of good events; null with no events.</summary>
    /// <param name="events">The events of the SLO's window.</param>
    /// <returns>From 0 to 1, or null.</returns>
    public static double? Attainment(SloEvents events) => events.ErrorRatio is { } ratio ? 1 - ratio : null;

    /// <summary>The error ratio of a window over the error budget.</summary>
    /// <param name="events">The events of the window.</param>
    /// <param name="objective">The objective, above 0 and below 1.</param>
    /// <returns>The burn rate (0 when nothing failed); null with no events.</returns>
    public static double? BurnRate(SloEvents events, double objective)
    {
        CheckObjective(objective);
        return events.ErrorRatio is { } ratio ? ratio / (1 - objective) : null;
    }

    /// <summary>
    /// The share of the window's error budget not yet spent: 1 when nothing failed, 0 when exactly the budget failed,
    /// below 0 when more did (the overspend is shown, not hidden at zero).
    /// </summary>
    /// <param name="events">The events of the SLO's whole window.</param>
    /// <param name="objective">The objective, above 0 and below 1.</param>
    /// <returns>The remaining share, or null with no events.</returns>
    public static double? BudgetRemaining(SloEvents events, double objective) =>
        BurnRate(events, objective) is { } burn ? 1 - burn : null;

    /// <summary>Refuses an objective with no budget (100 %) or outside (0, 1).</summary>
    /// <param name="objective">The objective as a fraction.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is not above 0 and below 1.</exception>
    public static void CheckObjective(double objective)
    {
        if (!(objective is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(objective), objective, "An objective is above 0 and below 1 (100 % leaves no error budget to burn).");
        }
    }
}
