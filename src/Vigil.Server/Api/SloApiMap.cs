using Vigil.Alerting.Slos;
using Vigil.Api.Contracts.V1;

namespace Vigil.Server.Api;

/// <summary>
/// An evaluated SLO as the query API's contract: what <c>GET /api/slos</c> answers, and what <c>vigil slo</c> shows
/// when it evaluates a store file itself, so both give the same JSON.
/// </summary>
public static class SloApiMap
{
    /// <summary>The contract form of <paramref name="status"/>.</summary>
    /// <param name="status">An SLO as evaluated.</param>
    /// <returns>The API's SLO.</returns>
    public static ApiSlo ToApi(this SloStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var slo = status.Slo;
        return new ApiSlo
        {
            Name = slo.Name,
            Service = slo.Service,
            Objective = slo.Objective,
            Window = slo.Window,
            Indicator = slo.Indicator.Description,
            EvaluatedAt = status.EvaluatedAt,
            Good = status.Events.Good,
            Total = status.Events.Total,
            Attainment = status.Attainment,
            BudgetRemaining = status.BudgetRemaining,
            BurnRate = status.WindowBurnRate,
            Alerts = [.. status.Alerts.Select(ToApi)],
        };
    }

    private static ApiSloAlert ToApi(BurnRateStatus alert) => new()
    {
        Severity = alert.Alert.Severity,
        Factor = alert.Alert.Factor,
        LongWindow = Window(alert.Alert.LongWindow, alert.LongEvents, alert.LongBurnRate),
        ShortWindow = Window(alert.Alert.ShortWindow, alert.ShortEvents, alert.ShortBurnRate),
        Active = alert.IsActive,
    };

    private static ApiSloWindow Window(TimeSpan window, SloEvents events, double? burnRate) => new()
    {
        Length = window,
        Good = events.Good,
        Total = events.Total,
        BurnRate = burnRate,
    };
}
