namespace Vigil.Cli.Commands.Metrics;

/// <summary>Picks a bucket width for a range when <c>--step</c> is not given: the smallest round step giving at most about 60 buckets.</summary>
internal static class StepChooser
{
    /// <summary>The most buckets a query may ask for; more is unreadable and slow.</summary>
    public const int MaxBuckets = 10_000;

    private const int TargetBuckets = 60;

    private static readonly TimeSpan[] s_steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    /// <summary>A step for <paramref name="range"/>.</summary>
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
