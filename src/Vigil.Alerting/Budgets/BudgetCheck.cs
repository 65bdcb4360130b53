namespace Vigil.Alerting.Budgets;

/// <summary>How one limit of one budget stands.</summary>
internal enum BudgetStatus
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
internal sealed record BudgetCheck(
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

    /// <summary>How far over the limit, as a fraction of it (0.25 is 25 % over); null unless over.</summary>
    public double? OverBy => Status == BudgetStatus.Over && Actual is { } actual && LimitValue > 0 ? (actual - LimitValue) / LimitValue : null;
}
