namespace Vigil.Alerting.Slos;

/// <summary>
/// Good events over total events from two counters (e.g. requests answered without a 5xx, and all requests): each
/// counter's increase over the window, as <c>vigil metrics</c> computes it (<c>MetricAggregator</c>), so a counter
/// reset counts its new value as increase, not as a drop. A histogram's observation count stands in for a counter.
/// </summary>
/// <param name="Good">The counter of good events.</param>
/// <param name="Total">The counter of all events.</param>
internal sealed record MetricRatioIndicator(MetricSelector Good, MetricSelector Total) : ISloIndicator
{
    public string Description => $"ratio of {Good} to {Total}";

    public async Task<SloEvents> CountAsync(SloSources sources, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var good = await IncreaseAsync(sources, Good, windowStart, windowEnd, cancellationToken).ConfigureAwait(false);
        var total = await IncreaseAsync(sources, Total, windowStart, windowEnd, cancellationToken).ConfigureAwait(false);
        return new SloEvents(good, total);
    }

    private static async Task<double> IncreaseAsync(SloSources sources, MetricSelector metric, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken)
    {
        var result = await sources.Metrics.QueryMetricAsync(metric.Query(windowStart, windowEnd), cancellationToken).ConfigureAwait(false);
        var sum = 0d;
        foreach (var series in result.Series)
        {
            foreach (var bucket in series.Buckets)
            {
                sum += bucket.Increase ?? bucket.Count ?? 0;
            }
        }

        return sum;
    }
}
