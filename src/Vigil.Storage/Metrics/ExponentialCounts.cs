using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Exponential histogram counts by bucket index at one scale. Points at different scales are
/// brought to the coarser one (an index at scale s maps to index &gt;&gt; (s - target)), which is exact
/// because each coarse bucket is the union of 2^(s - target) fine ones.
/// </summary>
internal sealed class ExponentialCounts
{
    private ExponentialCounts(int scale, long zeroCount, Dictionary<int, long> positive, Dictionary<int, long> negative)
    {
        Scale = scale;
        ZeroCount = zeroCount;
        Positive = positive;
        Negative = negative;
    }

    public int Scale { get; }

    public long ZeroCount { get; }

    public Dictionary<int, long> Positive { get; }

    public Dictionary<int, long> Negative { get; }

    public long Total => ZeroCount + Positive.Values.Sum() + Negative.Values.Sum();

    public static ExponentialCounts From(ExponentialHistogramData data)
    {
        var positive = new Dictionary<int, long>();
        for (var i = 0; i < data.PositiveBucketCounts.Count; i++)
        {
            positive[data.PositiveOffset + i] = data.PositiveBucketCounts[i];
        }

        var negative = new Dictionary<int, long>();
        for (var i = 0; i < data.NegativeBucketCounts.Count; i++)
        {
            negative[data.NegativeOffset + i] = data.NegativeBucketCounts[i];
        }

        return new ExponentialCounts(data.Scale, data.ZeroCount, positive, negative);
    }

    public ExponentialCounts Plus(ExponentialCounts other) => Combine(other, 1);

    public ExponentialCounts Minus(ExponentialCounts other) => Combine(other, -1);

    public double? Percentile(double quantile) => HistogramPercentiles.Interpolate(quantile, Ordered());

    /// <summary>
    /// The buckets as explicit upper bounds and counts (one more count, above the last bound, which is
    /// zero), as a Prometheus classic histogram spells them.
    /// </summary>
    public (IReadOnlyList<double> Bounds, IReadOnlyList<long> Counts) ToExplicit()
    {
        var buckets = Ordered();
        return ([.. buckets.Select(b => b.Upper)], [.. buckets.Select(b => b.Count), 0]);
    }

    // Ordered from the most negative value up: negative buckets by descending index, then zero, then
    // positive buckets by ascending index. Bucket i covers (base^i, base^(i+1)] (OpenTelemetry's data model).
    private List<(double Lower, double Upper, long Count)> Ordered()
    {
        var buckets = new List<(double Lower, double Upper, long Count)>();
        foreach (var index in Negative.Keys.OrderDescending())
        {
            buckets.Add((-BoundOf(index + 1), -BoundOf(index), Negative[index]));
        }

        buckets.Add((0, 0, ZeroCount));
        foreach (var index in Positive.Keys.Order())
        {
            buckets.Add((BoundOf(index), BoundOf(index + 1), Positive[index]));
        }

        return buckets;
    }

    private double BoundOf(int index) => Math.Pow(2, index * Math.Pow(2, -Scale));

    private ExponentialCounts Combine(ExponentialCounts other, int sign)
    {
        var scale = Math.Min(Scale, other.Scale);
        var positive = Downscale(Positive, Scale - scale);
        var negative = Downscale(Negative, Scale - scale);
        foreach (var (index, count) in Downscale(other.Positive, other.Scale - scale))
        {
            positive[index] = positive.GetValueOrDefault(index) + (sign * count);
        }

        foreach (var (index, count) in Downscale(other.Negative, other.Scale - scale))
        {
            negative[index] = negative.GetValueOrDefault(index) + (sign * count);
        }

        return new ExponentialCounts(scale, ZeroCount + (sign * other.ZeroCount), positive, negative);
    }

    private static Dictionary<int, long> Downscale(Dictionary<int, long> counts, int shift)
    {
        var result = new Dictionary<int, long>();
        foreach (var (index, count) in counts)
        {
            var target = index >> shift;
            result[target] = result.GetValueOrDefault(target) + count;
        }

        return result;
    }
}
