using Vigil.Model;

namespace Vigil.Storage;

/// <summary>Histogram and exponential histogram buckets.</summary>
internal sealed partial class GroupAccumulator
{
    private void AddHistogram(MetricSeriesData data)
    {
        var cumulative = data.Series.Temporality != AggregationTemporality.Delta;
        HistogramData? previous = null;
        MetricPoint? previousPoint = null;
        foreach (var point in data.Points)
        {
            if (point.Histogram is not { } histogram)
            {
                continue;
            }

            IReadOnlyList<long>? counts;
            var sum = histogram.Sum;
            if (!cumulative)
            {
                counts = histogram.BucketCounts;
            }
            else if (previous is null || previousPoint is null)
            {
                counts = StartedInRange(point) ? histogram.BucketCounts : null;
            }
            else if (IsReset(previousPoint, point, previous.Count, histogram.Count) || !SameBounds(previous.ExplicitBounds, histogram.ExplicitBounds))
            {
                counts = histogram.BucketCounts;
            }
            else
            {
                counts = Subtract(histogram.BucketCounts, previous.BucketCounts);
                sum = histogram.Sum - previous.Sum;
            }

            previous = histogram;
            previousPoint = point;
            if (counts is null || BucketAt(point.Timestamp) is not { } bucket)
            {
                continue;
            }

            bucket.ObserveRange(histogram.Min, histogram.Max);
            bucket.Bounds ??= histogram.ExplicitBounds;
            bucket.BucketCounts ??= new long[histogram.ExplicitBounds.Count + 1];
            // Counts with other bounds cannot be merged bucket by bucket; the first bounds win and
            // the rest only add to the count.
            if (SameBounds(bucket.Bounds, histogram.ExplicitBounds) && counts.Count == bucket.BucketCounts.Length)
            {
                for (var i = 0; i < counts.Count; i++)
                {
                    bucket.BucketCounts[i] += counts[i];
                }
            }

            var total = 0L;
            foreach (var count in counts)
            {
                total += count;
            }

            bucket.AddCount(total);
            bucket.AddSum(sum);
        }
    }

    private void AddExponentialHistogram(MetricSeriesData data)
    {
        var cumulative = data.Series.Temporality != AggregationTemporality.Delta;
        ExponentialCounts? previous = null;
        double? previousSum = null;
        MetricPoint? previousPoint = null;
        foreach (var point in data.Points)
        {
            if (point.ExponentialHistogram is not { } histogram)
            {
                continue;
            }

            var current = ExponentialCounts.From(histogram);
            ExponentialCounts? counts;
            var sum = histogram.Sum;
            if (!cumulative)
            {
                counts = current;
            }
            else if (previous is null || previousPoint is null)
            {
                counts = StartedInRange(point) ? current : null;
            }
            else if (IsReset(previousPoint, point, previous.Total, current.Total))
            {
                counts = current;
            }
            else
            {
                counts = current.Minus(previous);
                sum = histogram.Sum - previousSum;
            }

            previous = current;
            previousSum = histogram.Sum;
            previousPoint = point;
            if (counts is null || BucketAt(point.Timestamp) is not { } bucket)
            {
                continue;
            }

            bucket.ObserveRange(histogram.Min, histogram.Max);
            bucket.Exponential = bucket.Exponential is null ? counts : bucket.Exponential.Plus(counts);
            bucket.AddCount(counts.Total);
            bucket.AddSum(sum);
        }
    }

    private static bool SameBounds(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private static long[] Subtract(IReadOnlyList<long> current, IReadOnlyList<long> previous)
    {
        var result = new long[current.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = current[i] - (i < previous.Count ? previous[i] : 0);
        }

        return result;
    }
}
