namespace Vigil.Api.Contracts.V1;

/// <summary>
/// The earlier runs of the same task a build is judged against: the median of their durations plus a percentage, the
/// rule a budget's <c>maxSlowerThanMedian</c> applies (docs/builds.md).
/// </summary>
public sealed record ApiBuildBaseline
{
    /// <summary>How many earlier runs the median is of.</summary>
    public int Runs { get; init; }

    /// <summary>The median duration of those runs.</summary>
    public TimeSpan Median { get; init; }

    /// <summary>How much slower than the median, in percent, counts as a regression.</summary>
    public double Percent { get; init; }

    /// <summary>The longest the run may take: the median plus <see cref="Percent"/>.</summary>
    public TimeSpan Limit { get; init; }
}
