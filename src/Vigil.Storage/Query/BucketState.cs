namespace Vigil.Storage;

/// <summary>What one group has gathered for one step bucket.</summary>
internal sealed class BucketState
{
    public double? Increase { get; set; }

    public double ValueSum { get; set; }

    public int ValueCount { get; set; }

    /// <summary>Each series' latest value in the bucket and its time.</summary>
    public Dictionary<MetricSeriesInfo, (DateTimeOffset Time, double Value)> LatestBySeries { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Merged explicit-bucket counts; the first bounds seen win (see <see cref="GroupAccumulator"/>).</summary>
    public IReadOnlyList<double>? Bounds { get; set; }

    public long[]? BucketCounts { get; set; }

    public ExponentialCounts? Exponential { get; set; }

    public long? Count { get; set; }

    public (DateTimeOffset Time, SummaryData Data)? LatestSummary { get; set; }

    public void AddCount(long count) => Count = (Count ?? 0) + count;
}
