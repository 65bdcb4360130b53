namespace Vigil.Alerting.Slos;

/// <summary>
/// The share of a histogram's observations at or under a threshold, from its bucket counts over the window. A bucket
/// counts as good only when its upper bound is at or under the threshold: a threshold between two bounds is rounded
/// down to the bound below it, so the share is never overstated (an observation in the bucket that straddles the
/// threshold may have been under it, but nothing says so). Choose a threshold that is one of the bounds to count
/// exactly. Exponential histograms are read through their explicit bounds the same way.
/// </summary>
/// <param name="Histogram">The histogram.</param>
/// <param name="Threshold">The largest good value, in the histogram's unit.</param>
internal sealed record HistogramLatencyIndicator(MetricSelector Histogram, double Threshold) : ISloIndicator
{
    public string Description => $"share of {Histogram} at or under {Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task<SloEvents> CountAsync(SloSources sources, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var result = await sources.Metrics.QueryMetricAsync(Histogram.Query(windowStart, windowEnd), cancellationToken).ConfigureAwait(false);
        var good = 0L;
        var total = 0L;
        foreach (var series in result.Series)
        {
            foreach (var bucket in series.Buckets)
            {
                if (bucket.BucketBounds is not { } bounds || bucket.BucketCounts is not { } counts)
                {
                    continue;
                }

                // counts[i] holds (bounds[i-1], bounds[i]]; the last count is above every bound.
                for (var i = 0; i < counts.Count; i++)
                {
                    total += counts[i];
                    if (i < bounds.Count && bounds[i] <= Threshold)
                    {
                        good += counts[i];
                    }
                }
            }
        }

        return new SloEvents(good, total);
    }
}
