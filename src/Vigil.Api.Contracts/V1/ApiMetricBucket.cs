namespace Vigil.Api.Contracts.V1;

/// <summary>One time bucket of a series; which values are set depends on the kind.</summary>
public sealed record ApiMetricBucket
{
    /// <summary>The bucket's start.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>A counter's increase.</summary>
    public double? Increase { get; init; }

    /// <summary>A counter's rate per second.</summary>
    public double? Rate { get; init; }

    /// <summary>The last value.</summary>
    public double? Last { get; init; }

    /// <summary>The average value.</summary>
    public double? Average { get; init; }

    /// <summary>A distribution's count.</summary>
    public long? Count { get; init; }

    /// <summary>A distribution's sum.</summary>
    public double? Sum { get; init; }

    /// <summary>A histogram's upper bounds.</summary>
    public IReadOnlyList<double>? BucketBounds { get; init; }

    /// <summary>A histogram's counts per bucket.</summary>
    public IReadOnlyList<long>? BucketCounts { get; init; }

    /// <summary>The median.</summary>
    public double? P50 { get; init; }

    /// <summary>The 90th percentile.</summary>
    public double? P90 { get; init; }

    /// <summary>The 95th percentile.</summary>
    public double? P95 { get; init; }

    /// <summary>The 99th percentile.</summary>
    public double? P99 { get; init; }

    /// <summary>The smallest value seen in the bucket (a gauge's values; the minimum a histogram's points report).</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest value seen in the bucket.</summary>
    public double? Maximum { get; init; }
}
