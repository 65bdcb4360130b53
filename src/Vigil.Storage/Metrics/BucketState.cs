using Vigil.Model;

namespace Vigil.Storage;

/// <summary>What one group has gathered for one step bucket.</summary>
internal sealed class BucketState
{
    // Once any increase has no known start, the bucket's is unknown too and its rate uses the whole step.
    private bool _countedFromUnknown;
    private bool _sumUnknown;

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

    /// <summary>The smallest recorded value the bucket's histogram points report, when they report one.</summary>
    public double? ValueMin { get; private set; }

    /// <summary>The largest recorded value the bucket's histogram points report, when they report one.</summary>
    public double? ValueMax { get; private set; }

    /// <summary>
    /// The earliest time from which the bucket's counter increases were counted, when the points say
    /// (a start time, or the previous point of a cumulative series); null when unknown.
    /// </summary>
    public DateTimeOffset? CountedFrom { get; private set; }

    /// <summary>The histogram values' sum in the bucket; null once any point's sum is unknown.</summary>
    public double? Sum { get; private set; }

    public void AddCount(long count) => Count = (Count ?? 0) + count;

    /// <summary>Adds one point's share of the sum; an unknown share makes the whole sum unknown.</summary>
    public void AddSum(double? sum)
    {
        if (_sumUnknown || sum is not { } value)
        {
            _sumUnknown = true;
            Sum = null;
            return;
        }

        Sum = (Sum ?? 0) + value;
    }

    /// <summary>Records when one increase began to be counted; an unknown start makes the whole bucket's start unknown.</summary>
    public void CountedSince(DateTimeOffset? from)
    {
        if (from is not { } time)
        {
            _countedFromUnknown = true;
            CountedFrom = null;
        }
        else if (!_countedFromUnknown)
        {
            CountedFrom = CountedFrom is { } known && known < time ? known : time;
        }
    }

    /// <summary>
    /// Widens the known value range. A cumulative point's min and max cover its whole lifetime, a delta
    /// point's its interval: either way they bound the values inside this bucket.
    /// </summary>
    public void ObserveRange(double? min, double? max)
    {
        if (min is { } low)
        {
            ValueMin = ValueMin is { } known ? Math.Min(known, low) : low;
        }

        if (max is { } high)
        {
            ValueMax = ValueMax is { } known ? Math.Max(known, high) : high;
        }
    }

    /// <summary>
    /// Keeps an interpolated percentile inside the recorded range: interpolation within a wide bucket
    /// can otherwise report a value no measurement reached.
    /// </summary>
    public double? Clamp(double? percentile)
    {
        if (percentile is not { } value)
        {
            return null;
        }

        if (ValueMax is { } max && value > max)
        {
            value = max;
        }

        if (ValueMin is { } min && value < min)
        {
            value = min;
        }

        return value;
    }
}
