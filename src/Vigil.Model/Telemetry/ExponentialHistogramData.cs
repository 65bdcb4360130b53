namespace Vigil.Model;

/// <summary>A base-2 exponential histogram point, as OTLP defines it.</summary>
public sealed record ExponentialHistogramData
{
    /// <summary>How many values were recorded.</summary>
    public long Count { get; init; }

    /// <summary>The sum of the recorded values, when known.</summary>
    public double? Sum { get; init; }

    /// <summary>The smallest recorded value, when known.</summary>
    public double? Min { get; init; }

    /// <summary>The largest recorded value, when known.</summary>
    public double? Max { get; init; }

    /// <summary>The resolution: bucket boundaries are powers of <c>2^(2^-Scale)</c>.</summary>
    public int Scale { get; init; }

    /// <summary>How many values fell in the zero bucket.</summary>
    public long ZeroCount { get; init; }

    /// <summary>The width of the zero bucket.</summary>
    public double ZeroThreshold { get; init; }

    /// <summary>The bucket index of <see cref="PositiveBucketCounts"/>[0].</summary>
    public int PositiveOffset { get; init; }

    /// <summary>The counts of consecutive positive buckets.</summary>
    public IReadOnlyList<long> PositiveBucketCounts { get; init; } = [];

    /// <summary>The bucket index of <see cref="NegativeBucketCounts"/>[0].</summary>
    public int NegativeOffset { get; init; }

    /// <summary>The counts of consecutive negative buckets.</summary>
    public IReadOnlyList<long> NegativeBucketCounts { get; init; } = [];
}
