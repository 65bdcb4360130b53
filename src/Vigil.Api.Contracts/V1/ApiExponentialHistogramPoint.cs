namespace Vigil.Api.Contracts.V1;

/// <summary>A base-2 exponential histogram point, as OpenTelemetry defines it.</summary>
public sealed record ApiExponentialHistogramPoint
{
    /// <summary>How many values were recorded.</summary>
    public long Count { get; init; }

    /// <summary>Their sum, when known.</summary>
    public double? Sum { get; init; }

    /// <summary>The smallest, when known.</summary>
    public double? Min { get; init; }

    /// <summary>The largest, when known.</summary>
    public double? Max { get; init; }

    /// <summary>The resolution: bucket bounds are powers of 2^(2^-scale).</summary>
    public int Scale { get; init; }

    /// <summary>How many values were (about) zero.</summary>
    public long ZeroCount { get; init; }

    /// <summary>The bound below which a value counts as zero.</summary>
    public double ZeroThreshold { get; init; }

    /// <summary>The index of the first positive bucket.</summary>
    public int PositiveOffset { get; init; }

    /// <summary>The positive buckets' counts.</summary>
    public IReadOnlyList<long> PositiveBucketCounts { get; init; } = [];

    /// <summary>The index of the first negative bucket.</summary>
    public int NegativeOffset { get; init; }

    /// <summary>The negative buckets' counts.</summary>
    public IReadOnlyList<long> NegativeBucketCounts { get; init; } = [];
}
