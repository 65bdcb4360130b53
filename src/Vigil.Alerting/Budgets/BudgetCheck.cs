namespace Vigil.Alerting.Budgets;

/// <summary>How one limit of one budget stands.</summary>
public enum BudgetStatus
{
    /// <summary>Within the limit.</summary>
    Ok,

    /// <summary>Over the limit.</summary>
    Over,

    /// <summary>Too few runs to judge (fewer than <c>minRuns</c>, or no run before the latest for a relative limit).</summary>
    TooFewRuns,
}

/// <summary>
/// One limit of one budget against the runs it was judged on: what the limit is, what was measured, by how much it
/// is over (as a fraction of the limit), and the trace ids of the runs, newest first.
/// </summary>
/// <param name="Command">The budget's name: its <c>command</c> (or build, project, operation, span) as the file writes it.</param>
/// <param name="Limit">The limit as a person reads it (<c>p95 duration</c>, <c>max memory</c>, ...).</param>
/// <param name="LimitValue">The limit, in <paramref name="Unit"/>; for a relative limit, the median before plus the margin.</param>
/// <param name="Actual">What was measured, in <paramref name="Unit"/>; null with too few runs.</param>
/// <param name="Status">Within, over, or too few runs to judge.</param>
/// <param name="RunTraceIds">The trace ids of the runs judged, newest first.</param>
/// <param name="Unit"><c>s</c>, <c>B</c> or <c>ratio</c>.</param>
public sealed record BudgetCheck(
    string Command,
    string Limit,
    double LimitValue,
    double? Actual,
    BudgetStatus Status,
    IReadOnlyList<string> RunTraceIds,
    string Unit)
{
    /// <summary>
    /// The budget file's key of the limit (<c>maxDuration</c>, <c>maxMemoryUsage</c>, <c>maxOutputSize</c>,
    /// <c>maxErrorRate</c>, <c>maxSlowerThanMedian</c>): unlike <see cref="Limit"/>, which can name how many runs it
    /// compared, it stays the same from one evaluation to the next, so alert rules label instances with it.
    /// </summary>
    public string LimitKey { get; init; } = string.Empty;

    /// <summary>What the budget's runs are (commands, builds, projects, operations, spans).</summary>
    public BudgetKind Kind { get; init; } = BudgetKind.Command;

    /// <summary>The status as <c>vigil budgets check --json</c> and <c>list_budgets</c> write it: <c>ok</c>, <c>over</c>, <c>too_few_runs</c>.</summary>
    public string StatusName => Status switch
    {
        BudgetStatus.Over => "over",
        BudgetStatus.TooFewRuns => "too_few_runs",
        _ => "ok",
    };

    /// <summary>The kind as the budget file's key names it: <c>command</c>, <c>build</c>, <c>project</c>, <c>operation</c>, <c>span</c>.</summary>
    public string KindName => BudgetFile.KeyOf(Kind);

    /// <summary>
    /// <see cref="LimitValue"/>, or null for a relative limit with too few runs: it is the median of earlier runs plus
    /// the margin, so without them there is no limit yet (<see cref="LimitValue"/> is then 0).
    /// </summary>
    public double? KnownLimit => Status == BudgetStatus.TooFewRuns && LimitKey == "maxSlowerThanMedian" ? null : LimitValue;

    /// <summary>How far over the limit, as a fraction of it (0.25 is 25 % over); null unless over.</summary>
    public double? OverBy => Status == BudgetStatus.Over && Actual is { } actual && LimitValue > 0 ? (actual - LimitValue) / LimitValue : null;
}
