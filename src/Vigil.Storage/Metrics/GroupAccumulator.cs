using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The buckets of one group. Counters add up their increases; gauges keep each series' latest
/// value and the mean; histograms merge the counts recorded in each bucket (for cumulative series,
/// the difference from the previous point). A counter or histogram that goes down, or whose start
/// time moves forward, was reset: its new value is all increase since the reset.
/// </summary>
internal sealed partial class GroupAccumulator
{
    private readonly SortedDictionary<string, string> _labels;
    private readonly BucketWindow _window;
    private readonly BucketState?[] _buckets;

    public GroupAccumulator(SortedDictionary<string, string> labels, BucketWindow window)
    {
        _labels = labels;
        _window = window;
        _buckets = new BucketState?[Math.Max(window.Count, 0)];
    }

    public void Add(MetricSeriesData data)
    {
        var series = data.Series;
        switch (series.Kind)
        {
            case MetricKind.Sum when series.IsMonotonic:
                AddCounter(data);
                break;
            case MetricKind.Sum or MetricKind.Gauge:
                AddGauge(data);
                break;
            case MetricKind.Histogram:
                AddHistogram(data);
                break;
            case MetricKind.ExponentialHistogram:
                AddExponentialHistogram(data);
                break;
            case MetricKind.Summary:
                AddSummary(data);
                break;
        }
    }

    public MetricResultSeries ToResult(TimeSpan step)
    {
        var buckets = new List<MetricBucket>();
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (_buckets[i] is { } state)
            {
                buckets.Add(ToBucket(_window.StartOf(i), state, CoveredSeconds(i, state, step)));
            }
        }

        return new MetricResultSeries { Labels = new Dictionary<string, string>(_labels), Buckets = buckets };
    }

    /// <summary>True when a cumulative point starts a new run: the first point, a drop, or a later start time.</summary>
    private static bool IsReset(MetricPoint previous, MetricPoint current, double previousTotal, double currentTotal) =>
        currentTotal < previousTotal
        || (current.StartTimestamp is { } start && previous.StartTimestamp is { } previousStart && start > previousStart);

    /// <summary>A cumulative series' first point counts in full only if the series started inside the range.</summary>
    private bool StartedInRange(MetricPoint point) =>
        point.StartTimestamp is { } start && start >= _window.From;

    /// <summary>
    /// The seconds a bucket's increase was counted over: the step, less what lies after the range's end
    /// (the current, partial step) and before the counting began (a series started inside the bucket).
    /// Dividing a partial step by the whole step understates the rate.
    /// </summary>
    private double CoveredSeconds(int index, BucketState state, TimeSpan step)
    {
        var start = _window.StartOf(index);
        var end = start + step < _window.To ? start + step : _window.To;
        if (state.CountedFrom is { } from && from > start)
        {
            start = from;
        }

        return end > start ? (end - start).TotalSeconds : step.TotalSeconds;
    }

    private static MetricBucket ToBucket(DateTimeOffset time, BucketState state, double coveredSeconds)
    {
        var bucket = new MetricBucket
        {
            Time = time,
            Increase = state.Increase,
            Rate = state.Increase / coveredSeconds,
            Count = state.Count,
            Minimum = state.ValueMin,
            Maximum = state.ValueMax,
        };
        if (state.ValueCount > 0)
        {
            var last = 0d;
            foreach (var latest in state.LatestBySeries.Values)
            {
                last += latest.Value;
            }

            bucket = bucket with { Last = last, Average = state.ValueSum / state.ValueCount };
        }

        if (state.Bounds is { } bounds && state.BucketCounts is { } counts)
        {
            bucket = bucket with
            {
                Sum = state.Sum,
                BucketBounds = bounds,
                BucketCounts = counts,
                P50 = state.Clamp(HistogramPercentiles.Explicit(0.50, bounds, counts)),
                P90 = state.Clamp(HistogramPercentiles.Explicit(0.90, bounds, counts)),
                P95 = state.Clamp(HistogramPercentiles.Explicit(0.95, bounds, counts)),
                P99 = state.Clamp(HistogramPercentiles.Explicit(0.99, bounds, counts)),
            };
        }
        else if (state.Exponential is { } exponential)
        {
            var (exponentialBounds, exponentialCounts) = exponential.ToExplicit();
            bucket = bucket with
            {
                Sum = state.Sum,
                BucketBounds = exponentialBounds,
                BucketCounts = exponentialCounts,
                P50 = state.Clamp(exponential.Percentile(0.50)),
                P90 = state.Clamp(exponential.Percentile(0.90)),
                P95 = state.Clamp(exponential.Percentile(0.95)),
                P99 = state.Clamp(exponential.Percentile(0.99)),
            };
        }
        else if (state.LatestSummary is { } summary)
        {
            bucket = bucket with
            {
                P50 = QuantileOf(summary.Data, 0.50),
                P90 = QuantileOf(summary.Data, 0.90),
                P95 = QuantileOf(summary.Data, 0.95),
                P99 = QuantileOf(summary.Data, 0.99),
            };
        }

        return bucket;
    }

    private static double? QuantileOf(SummaryData data, double quantile)
    {
        foreach (var item in data.Quantiles)
        {
            if (Math.Abs(item.Quantile - quantile) < 1e-9)
            {
                return item.Value;
            }
        }

        return null;
    }

    private BucketState? BucketAt(DateTimeOffset time)
    {
        var index = _window.IndexOf(time);
        return index < 0 ? null : _buckets[index] ??= new BucketState();
    }

    private void AddCounter(MetricSeriesData data)
    {
        var cumulative = data.Series.Temporality != AggregationTemporality.Delta;
        MetricPoint? previous = null;
        foreach (var point in data.Points)
        {
            if (point.Value is not { } value)
            {
                continue;
            }

            // The increase and the time its counting began: a delta's or a new series' start, else the previous
            // point (after a reset too: what the old run counted after its last point is lost, not absent).
            double? increase;
            var countedFrom = point.StartTimestamp;
            if (!cumulative)
            {
                increase = value;
            }
            else if (previous is null)
            {
                increase = StartedInRange(point) ? value : null;
            }
            else
            {
                var previousValue = previous.Value!.Value;
                increase = IsReset(previous, point, previousValue, value) ? value : value - previousValue;
                countedFrom = previous.Timestamp;
            }

            previous = point;
            if (increase is { } amount && BucketAt(point.Timestamp) is { } bucket)
            {
                bucket.Increase = (bucket.Increase ?? 0) + amount;
                bucket.CountedSince(countedFrom);
            }
        }
    }

    private void AddGauge(MetricSeriesData data)
    {
        foreach (var point in data.Points)
        {
            if (point.Value is not { } value || BucketAt(point.Timestamp) is not { } bucket)
            {
                continue;
            }

            bucket.ValueSum += value;
            bucket.ValueCount++;
            bucket.ObserveRange(value, value);
            if (!bucket.LatestBySeries.TryGetValue(data.Series, out var latest) || point.Timestamp >= latest.Time)
            {
                bucket.LatestBySeries[data.Series] = (point.Timestamp, value);
            }
        }
    }

    private void AddSummary(MetricSeriesData data)
    {
        foreach (var point in data.Points)
        {
            if (point.Summary is not { } summary || BucketAt(point.Timestamp) is not { } bucket)
            {
                continue;
            }

            if (bucket.LatestSummary is not { } latest || point.Timestamp >= latest.Time)
            {
                bucket.LatestSummary = (point.Timestamp, summary);
                bucket.Count = summary.Count;
            }
        }
    }
}
