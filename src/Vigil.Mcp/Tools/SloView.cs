using Vigil.Alerting.Slos;
using Vigil.Model.Text;

namespace Vigil.Mcp.Tools;

/// <summary>
/// One SLO as evaluated now: the same figures as <c>vigil slo</c> and <c>GET /api/slos</c> (fractions, not percents),
/// with windows in the duration grammar (<c>30d</c>, <c>1h</c>) an assistant can pass back to other tools.
/// </summary>
internal sealed record SloView
{
    public required string Name { get; init; }

    public required string Service { get; init; }

    /// <summary>The share of good events promised, as a fraction (0.999 for 99.9 %).</summary>
    public required double Objective { get; init; }

    public required string Window { get; init; }

    public required string Indicator { get; init; }

    public required DateTimeOffset EvaluatedAt { get; init; }

    public required double Good { get; init; }

    public required double Total { get; init; }

    /// <summary>Good over total in the window; null with no events (unknown, not 100 %).</summary>
    public double? Attainment { get; init; }

    /// <summary>The share of the window's error budget left; below 0 when overspent, null with no events.</summary>
    public double? BudgetRemaining { get; init; }

    /// <summary>The burn rate over the whole window (1 spends the budget exactly by the window's end).</summary>
    public double? BurnRate { get; init; }

    public required IReadOnlyList<Alert> Alerts { get; init; }

    public static SloView Of(SloStatus status) => new()
    {
        Name = status.Slo.Name,
        Service = status.Slo.Service,
        Objective = status.Slo.Objective,
        Window = DurationGrammar.Format(status.Slo.Window),
        Indicator = status.Slo.Indicator.Description,
        EvaluatedAt = status.EvaluatedAt,
        Good = status.Events.Good,
        Total = status.Events.Total,
        Attainment = status.Attainment,
        BudgetRemaining = status.BudgetRemaining,
        BurnRate = status.WindowBurnRate,
        Alerts = [.. status.Alerts.Select(Alert.Of)],
    };

    /// <summary>One multiwindow burn-rate alert: active while both windows burn faster than the factor.</summary>
    internal sealed record Alert
    {
        public required string Severity { get; init; }

        public required double Factor { get; init; }

        public required string LongWindow { get; init; }

        public double? LongBurnRate { get; init; }

        public required string ShortWindow { get; init; }

        public double? ShortBurnRate { get; init; }

        public required bool Active { get; init; }

        public static Alert Of(BurnRateStatus status) => new()
        {
            Severity = status.Alert.Severity,
            Factor = status.Alert.Factor,
            LongWindow = DurationGrammar.Format(status.Alert.LongWindow),
            LongBurnRate = status.LongBurnRate,
            ShortWindow = DurationGrammar.Format(status.Alert.ShortWindow),
            ShortBurnRate = status.ShortBurnRate,
            Active = status.IsActive,
        };
    }
}
