namespace Vigil.Storage.Builds;

/// <summary>
/// The one rule for "slower than usual": a run regressed when it took longer than the median of the runs before it
/// times (1 + percent / 100). A budget's <c>maxSlowerThanMedian</c> (<c>vigil budgets check</c>, <c>vigil exec
/// --budget</c>) and the dashboard's builds view (<c>GET /api/builds</c>) both judge by it, so they cannot disagree.
/// </summary>
internal static class MedianRegression
{
    /// <summary>
    /// How many runs of a task the builds view judges together: the run and up to nine before it, as a budget's
    /// default window (<c>runs</c>, 10) does.
    /// </summary>
    public const int DefaultRuns = 10;

    /// <summary>How much slower than that median, in percent, the builds view flags (a budget sets its own).</summary>
    public const double DefaultPercent = 20;

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two when there is an even number).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The longest a run may take: the median of <paramref name="before"/> (not empty) plus <paramref name="percent"/> %.</summary>
    public static double Limit(IReadOnlyList<double> before, double percent) => Median(before) * (1 + (percent / 100));

    /// <summary>Whether <paramref name="latest"/> is over <see cref="Limit"/>: one run alone has nothing to be slower than.</summary>
    public static bool IsOver(double latest, IReadOnlyList<double> before, double percent) => before.Count > 0 && latest > Limit(before, percent);
}
