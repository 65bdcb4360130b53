using Vigil.Alerting.Budgets;

namespace Vigil.Mcp.Tools;

/// <summary>
/// One limit of one budget as judged now: the same figures as <c>vigil budgets check --json</c> (seconds, bytes,
/// ratios), its status in the same words, and the newest run's trace id to pass to <c>get_trace</c>.
/// </summary>
internal sealed record BudgetView
{
    /// <summary>The budget's name: its command (or build, project, operation, span) as the file writes it.</summary>
    public required string Budget { get; init; }

    /// <summary><c>command</c>, <c>build</c>, <c>project</c>, <c>operation</c> or <c>span</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The limit as a person reads it (<c>p95 duration</c>).</summary>
    public required string Limit { get; init; }

    /// <summary>The budget file's key of the limit (<c>maxDuration</c>): what a budget alert rule's <c>limit</c> label says.</summary>
    public required string LimitKey { get; init; }

    /// <summary><c>ok</c>, <c>over</c> or <c>too_few_runs</c>.</summary>
    public required string Status { get; init; }

    /// <summary>What was measured, in <see cref="Unit"/>; null with too few runs (unknown, not within).</summary>
    public double? Value { get; init; }

    /// <summary>The limit, in <see cref="Unit"/>; null for a relative limit that has no earlier runs yet.</summary>
    public double? Max { get; init; }

    /// <summary><c>s</c>, <c>B</c> or <c>ratio</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>How far over, as a fraction of the limit (0.25 is 25 % over); null unless over.</summary>
    public double? OverBy { get; init; }

    /// <summary>How many runs were judged.</summary>
    public required int Runs { get; init; }

    /// <summary>The newest run's trace id; null when there was none.</summary>
    public string? LatestTraceId { get; init; }

    public static BudgetView Of(BudgetCheck check) => new()
    {
        Budget = check.Command,
        Kind = check.KindName,
        Limit = check.Limit,
        LimitKey = check.LimitKey,
        Status = check.StatusName,
        Value = check.Actual,
        Max = check.KnownLimit,
        Unit = check.Unit,
        OverBy = check.OverBy,
        Runs = check.RunTraceIds.Count,
        LatestTraceId = check.RunTraceIds.Count > 0 ? check.RunTraceIds[0] : null,
    };
}
