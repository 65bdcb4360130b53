namespace Vigil.Model;

/// <summary>
/// The one figure a metric list shows per metric, with one meaning per kind, over the
/// <see cref="Window"/> that ends at the metric's latest point and combines all its series:
/// a counter's rate per second, a gauge's or up-down counter's last value (summed over the series
/// that reported in the window, as <see cref="MetricBucket.Last"/>), and a histogram's or summary's p95.
/// The latest point of one series is no such figure: a histogram's count beside unit <c>s</c> reads
/// as seconds, and one series of several is not the metric.
/// </summary>
public static class MetricReading
{
    /// <summary>How far back from the latest point a reading looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    /// <summary><see cref="MetricSummary.ReadingKind"/> of a counter: per second.</summary>
    public const string Rate = "rate";

    /// <summary><see cref="MetricSummary.ReadingKind"/> of a gauge or up-down counter.</summary>
    public const string Last = "last";

    /// <summary><see cref="MetricSummary.ReadingKind"/> of a histogram, exponential histogram or summary.</summary>
    public const string P95 = "p95";

    /// <summary>The query whose single bucket gives the reading of a metric whose latest point is at <paramref name="latest"/>.</summary>
    /// <param name="name">The metric name.</param>
    /// <param name="latest">The time of the metric's latest point.</param>
    /// <returns>One bucket from <see cref="Window"/> before <paramref name="latest"/> to just after it, every series combined.</returns>
    public static MetricQuery QueryFor(string name, DateTimeOffset latest)
    {
        var to = latest.AddTicks(1);
        return new MetricQuery { Name = name, From = to - Window, To = to, Step = Window, GroupBy = [] };
    }

    /// <summary><paramref name="summary"/> with its reading taken from <paramref name="window"/>, the result of <see cref="QueryFor"/>.</summary>
    /// <param name="summary">The metric as listed.</param>
    /// <param name="isMonotonic">Whether the metric is a monotonic sum (a counter).</param>
    /// <param name="window">The result of the reading's query.</param>
    /// <returns>The summary with <see cref="MetricSummary.Reading"/> and <see cref="MetricSummary.ReadingKind"/> set.</returns>
    public static MetricSummary Apply(MetricSummary summary, bool isMonotonic, MetricQueryResult window)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(window);
        var bucket = window.Series.SelectMany(s => s.Buckets).LastOrDefault();
        var (kind, value) = summary.Kind switch
        {
            MetricKind.Sum when isMonotonic => (Rate, bucket?.Rate),
            MetricKind.Sum or MetricKind.Gauge => (Last, bucket?.Last),
            _ => (P95, bucket?.P95),
        };
        return summary with { ReadingKind = kind, Reading = value };
    }
}
