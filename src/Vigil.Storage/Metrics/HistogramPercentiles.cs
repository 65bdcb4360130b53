namespace Vigil.Storage;

/// <summary>
/// Percentiles from bucket counts by linear interpolation inside the bucket that holds the rank,
/// as Prometheus' <c>histogram_quantile</c> does: the first bucket starts at 0 (when its bound is
/// positive) and a rank in the +Inf bucket reports the highest finite bound.
/// </summary>
internal static class HistogramPercentiles
{
    public static double? Explicit(double quantile, IReadOnlyList<double> bounds, IReadOnlyList<long> counts)
    {
        var total = 0L;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total <= 0 || bounds.Count == 0)
        {
            return null;
        }

        var rank = quantile * total;
        var cumulative = 0L;
        for (var i = 0; i < counts.Count; i++)
        {
            var count = counts[i];
            if (count <= 0 || cumulative + count < rank)
            {
                cumulative += Math.Max(count, 0);
                continue;
            }

            if (i >= bounds.Count)
            {
                return bounds[^1];
            }

            var upper = bounds[i];
            double lower;
            if (i == 0)
            {
                if (upper <= 0)
                {
                    return upper;
                }

                lower = 0;
            }
            else
            {
                lower = bounds[i - 1];
            }

            return lower + ((upper - lower) * (rank - cumulative) / count);
        }

        return bounds[^1];
    }

    /// <summary>Interpolates over ordered (lower, upper, count) buckets.</summary>
    public static double? Interpolate(double quantile, IReadOnlyList<(double Lower, double Upper, long Count)> buckets)
    {
        var total = 0L;
        foreach (var bucket in buckets)
        {
            total += bucket.Count;
        }

        if (total <= 0)
        {
            return null;
        }

        var rank = quantile * total;
        var cumulative = 0L;
        foreach (var (lower, upper, count) in buckets)
        {
            if (count <= 0 || cumulative + count < rank)
            {
                cumulative += Math.Max(count, 0);
                continue;
            }

            return lower + ((upper - lower) * (rank - cumulative) / count);
        }

        return buckets[^1].Upper;
    }
}
