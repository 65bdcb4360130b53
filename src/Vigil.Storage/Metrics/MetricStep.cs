namespace Vigil.Storage.Metrics;

/// <summary>
/// The bucket width a metric query uses when its reader names none: a round step that gives about
/// <see cref="TargetBuckets"/> buckets over the range (<c>vigil metrics</c> and the MCP <c>query_metric</c> tool).
/// </summary>
public static class MetricStep
{
    /// <summary>The most buckets a query may ask for; more is unreadable and slow.</summary>
    public const int MaxBuckets = 10_000;

    /// <summary>About how many buckets <see cref="Choose"/> aims at.</summary>
    public const int TargetBuckets = 60;

    private static readonly TimeSpan[] s_steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    /// <summary>The smallest round step that gives at most <see cref="TargetBuckets"/> buckets over <paramref name="range"/>.</summary>
    /// <param name="range">The length of the queried range.</param>
    /// <returns>The step (a week at most).</returns>
    public static TimeSpan Choose(TimeSpan range)
    {
        foreach (var step in s_steps)
        {
            if (range.Ticks / step.Ticks <= TargetBuckets)
            {
                return step;
            }
        }

        return s_steps[^1];
    }
}
