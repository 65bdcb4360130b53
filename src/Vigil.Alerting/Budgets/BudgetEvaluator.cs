using Vigil.Storage.Builds;

namespace Vigil.Alerting.Budgets;

/// <summary>
/// Judges budgets against recorded runs. Durations by percentile (nearest rank over the window), memory and output
/// size by their maximum, the error rate as failed runs over runs, and the relative limit as the latest run against
/// the median of the runs before it in the window.
/// </summary>
internal static class BudgetEvaluator
{
    /// <summary>The unit of durations.</summary>
    public const string Seconds = "s";

    /// <summary>The unit of memory and output sizes.</summary>
    public const string Bytes = "B";

    /// <summary>The unit of error rates, from 0 to 1.</summary>
    public const string Ratio = "ratio";

    /// <summary>Every limit of every budget, in file order.</summary>
    public static IReadOnlyList<BudgetCheck> Evaluate(IReadOnlyList<BudgetDefinition> budgets, IReadOnlyList<ExecRun> newestFirst)
    {
        var checks = new List<BudgetCheck>();
        foreach (var budget in budgets)
        {
            var runs = newestFirst
                .Where(budget.Matches)
                .Take(budget.Runs)
                .ToList();
            var enough = runs.Count >= budget.MinRuns && runs.Count > 0;
            var ids = runs.Select(r => r.TraceId).ToList();
            var first = checks.Count;

            if (budget.MaxDuration is { } maxDuration)
            {
                var actual = enough ? PercentileOf(runs.Select(r => r.Duration.TotalSeconds), budget.Percentile) : (double?)null;
                checks.Add(Check(budget, $"p{budget.Percentile} duration", maxDuration.TotalSeconds, actual, ids, Seconds) with { LimitKey = "maxDuration" });
            }

            if (budget.MaxMemoryBytes is { } maxMemory)
            {
                var measured = runs.Where(r => r.PeakMemoryBytes is not null).Select(r => (double)r.PeakMemoryBytes!.Value).ToList();
                checks.Add(Check(budget, "max memory", maxMemory, enough && measured.Count > 0 ? measured.Max() : null, ids, Bytes) with { LimitKey = "maxMemoryUsage" });
            }

            if (budget.MaxOutputBytes is { } maxOutput)
            {
                var measured = runs.Where(r => r.OutputBytes is not null).Select(r => (double)r.OutputBytes!.Value).ToList();
                checks.Add(Check(budget, "max output size", maxOutput, enough && measured.Count > 0 ? measured.Max() : null, ids, Bytes) with { LimitKey = "maxOutputSize" });
            }

            if (budget.MaxErrorRate is { } maxErrorRate)
            {
                checks.Add(Check(budget, "error rate", maxErrorRate, enough ? runs.Count(r => r.Failed) / (double)runs.Count : null, ids, Ratio) with { LimitKey = "maxErrorRate" });
            }

            if (budget.MaxSlowerThanMedianPercent is { } slower)
            {
                checks.Add(Relative(budget, slower, runs, ids) with { LimitKey = "maxSlowerThanMedian" });
            }

            // Every check of this budget says what kind of runs it judged.
            for (var i = first; i < checks.Count; i++)
            {
                checks[i] = checks[i] with { Kind = budget.Kind };
            }
        }

        return checks;
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percentile"/> % of values at or below it.</summary>
    internal static double PercentileOf(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    private static BudgetCheck Relative(BudgetDefinition budget, double slowerPercent, List<ExecRun> runs, List<string> ids)
    {
        // The latest run against the ones before it: one run alone has nothing to be slower than.
        var baseline = runs.Skip(1).Select(r => r.Duration.TotalSeconds).ToList();
        var name = $"latest vs median of {Math.Max(baseline.Count, 0)} before (+{slowerPercent:0.##}%)";
        if (runs.Count < Math.Max(2, budget.MinRuns))
        {
            return new BudgetCheck(budget.Command, name, 0, null, BudgetStatus.TooFewRuns, ids, Seconds);
        }

        var latest = runs[0].Duration.TotalSeconds;
        var status = MedianRegression.IsOver(latest, baseline, slowerPercent) ? BudgetStatus.Over : BudgetStatus.Ok;
        return new BudgetCheck(budget.Command, name, MedianRegression.Limit(baseline, slowerPercent), latest, status, ids, Seconds);
    }

    private static BudgetCheck Check(BudgetDefinition budget, string limitName, double limit, double? actual, List<string> ids, string unit) =>
        new(budget.Command, limitName, limit, actual, actual is null ? BudgetStatus.TooFewRuns : actual > limit ? BudgetStatus.Over : BudgetStatus.Ok, ids, unit);
}
