namespace Vigil.Api.Contracts.V1;

/// <summary>An explicit-bucket histogram point.</summary>
public sealed record ApiHistogramPoint
{
    /// <summary>How many values were recorded.</summary>
    public long Count { get; init; }

    /// <summary>Their sum, when known.</summary>
    public double? Sum { get; init; }

    /// <summary>The smallest, when known.</summary>
    public double? Min { get; init; }

    /// <summary>The largest, when known.</summary>
    public double? Max { get; init; }

    /// <summary>The ascending upper bounds of every bucket but the last (+Inf).</summary>
    public IReadOnlyList<double> ExplicitBounds { get; init; } = [];

    /// <summary>Each bucket's own count (not cumulative): one more than <see cref="ExplicitBounds"/>.</summary>
    public IReadOnlyList<long> BucketCounts { get; init; } = [];
}
