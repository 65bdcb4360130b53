namespace Vigil.Api.Contracts.V1;

/// <summary>
/// One SLO as <c>GET /api/slos</c> and <c>vigil slo --json</c> show it: attainment and error budget over its rolling
/// window, and each burn-rate alert's two windows. Shares are fractions (0.999, not 99.9) and unrounded; a share of a
/// window with no events is null (nothing was measured: unknown, not perfect).
/// </summary>
public sealed record ApiSlo
{
    /// <summary>The name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The service it is about.</summary>
    public string Service { get; init; } = string.Empty;

    /// <summary>The share of good events promised, as a fraction (0.999).</summary>
    public double Objective { get; init; }

    /// <summary>The rolling window attainment and budget are computed over.</summary>
    public TimeSpan Window { get; init; }

    /// <summary>What is measured, in words.</summary>
    public string Indicator { get; init; } = string.Empty;

    /// <summary>The end of every window (exclusive).</summary>
    public DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>The good events over the window.</summary>
    public double Good { get; init; }

    /// <summary>All events over the window.</summary>
    public double Total { get; init; }

    /// <summary>The share of good events over the window; null with no events.</summary>
    public double? Attainment { get; init; }

    /// <summary>The share of the window's error budget left, below 0 when overspent; null with no events.</summary>
    public double? BudgetRemaining { get; init; }

    /// <summary>The burn rate over the whole window (1 spends the budget exactly by its end); null with no events.</summary>
    public double? BurnRate { get; init; }

    /// <summary>The burn-rate alerts, in the SLO's order.</summary>
    public IReadOnlyList<ApiSloAlert> Alerts { get; init; } = [];
}
