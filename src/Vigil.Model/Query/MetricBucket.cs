namespace Vigil.Model;

/// <summary>
/// One step of a metric query result. Which values are set depends on the metric kind:
/// counters (monotonic sums) set <see cref="Increase"/> and <see cref="Rate"/>; gauges and
/// up-down counters set <see cref="Last"/> and <see cref="Average"/>; histograms set
/// <see cref="Count"/> and the percentiles; summaries set <see cref="Count"/> and the percentiles
/// the sender precomputed.
/// </summary>
public sealed record MetricBucket
{
    /// <summary>The start of the bucket.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>How much a counter grew in the bucket (resets handled).</summary>
    public double? Increase { get; init; }

    /// <summary>
    /// <see cref="Increase"/> per second of the time the bucket covers: the step, cut at the query's end
    /// (the current step) and at the start of a series that began inside it.
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>
    /// The latest value of each series in the bucket, summed over the group's series (like PromQL
    /// <c>sum by</c>); for a single series simply its latest value.
    /// </summary>
    public double? Last { get; init; }

    /// <summary>The mean of every value of every series of the group in the bucket.</summary>
    public double? Average { get; init; }

    /// <summary>
    /// How many values a histogram recorded in the bucket; for a summary, the count its latest
    /// point in the bucket reports (summaries carry no buckets to difference).
    /// </summary>
    public long? Count { get; init; }

    /// <summary>
    /// The sum of the values a histogram recorded in the bucket (for cumulative series, the difference
    /// from the previous point); null when a point carried no sum.
    /// </summary>
    public double? Sum { get; init; }

    /// <summary>
    /// A histogram's bucket upper bounds, ascending; <see cref="BucketCounts"/> has one more entry, the
    /// count above the last bound. An exponential histogram's buckets are given by their bounds too.
    /// </summary>
    public IReadOnlyList<double>? BucketBounds { get; init; }

    /// <summary>How many values fell in each bucket of <see cref="BucketBounds"/> (not cumulative).</summary>
    public IReadOnlyList<long>? BucketCounts { get; init; }

    /// <summary>The median, interpolated from histogram buckets.</summary>
    public double? P50 { get; init; }

    /// <summary>The 90th percentile, interpolated from histogram buckets (summaries that precompute it report it too).</summary>
    public double? P90 { get; init; }

    /// <summary>The 95th percentile, interpolated from histogram buckets.</summary>
    public double? P95 { get; init; }

    /// <summary>The 99th percentile, interpolated from histogram buckets.</summary>
    public double? P99 { get; init; }

    /// <summary>
    /// The smallest value seen in the bucket: of a gauge or up-down counter, the least value of any series of the
    /// group; of a histogram, the least recorded value its points report (null when they report none).
    /// </summary>
    public double? Minimum { get; init; }

    /// <summary>The largest value seen in the bucket, as <see cref="Minimum"/> is the smallest.</summary>
    public double? Maximum { get; init; }
}
