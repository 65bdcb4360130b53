namespace Vigil.Model;

/// <summary>An explicit-bucket histogram point.</summary>
public sealed record HistogramData
{
    /// <summary>How many values were recorded.</summary>
    public long Count { get; init; }

    /// <summary>The sum of the recorded values, when known.</summary>
    public double? Sum { get; init; }

    /// <summary>The smallest recorded value, when known.</summary>
    public double? Min { get; init; }

    /// <summary>The largest recorded value, when known.</summary>
    public double? Max { get; init; }

    /// <summary>The ascending upper bounds of every bucket but the last (which is +Inf).</summary>
    public IReadOnlyList<double> ExplicitBounds { get; init; } = [];

    /// <summary>The count of each bucket: one more entry than <see cref="ExplicitBounds"/>.</summary>
    public IReadOnlyList<long> BucketCounts { get; init; } = [];
}
