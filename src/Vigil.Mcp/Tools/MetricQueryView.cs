using Vigil.Mcp.Arguments;
using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>The answer of <c>query_metric</c>: the store's buckets, only the figures that fit the metric's kind.</summary>
internal sealed record MetricQueryView
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public string? Unit { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required double StepSeconds { get; init; }

    /// <summary>How many series the query made; more than listed when the list was cut to the largest.</summary>
    public required int SeriesCount { get; init; }

    public required IReadOnlyList<Series> Listed { get; init; }

    public static MetricQueryView Of(MetricQueryResult result, DateTimeOffset from, DateTimeOffset to)
    {
        var kind = result.Kind!.Value;

        // The largest series first: what an assistant asks about is what dominates.
        var listed = result.Series
            .OrderByDescending(s => s.Buckets.Sum(b => Math.Abs(Size(kind, b))))
            .Take(ToolLimits.MaxSeries)
            .Select(s => new Series
            {
                Labels = s.Labels,
                Points = [.. s.Buckets.Where(b => HasData(kind, b)).Select(b => Point.Of(kind, b))],
            })
            .ToList();
        return new MetricQueryView
        {
            Name = result.Name,
            Kind = MetricKindNames.Of(kind),
            Unit = result.Unit,
            From = from,
            To = to,
            StepSeconds = result.Step.TotalSeconds,
            SeriesCount = result.Series.Count,
            Listed = listed,
        };
    }

    private static bool IsHistogram(MetricKind kind) => kind is MetricKind.Histogram or MetricKind.ExponentialHistogram or MetricKind.Summary;

    private static bool HasData(MetricKind kind, MetricBucket bucket) =>
        kind == MetricKind.Sum ? bucket.Increase is not null : IsHistogram(kind) ? bucket.Count is not null : bucket.Last is not null;

    private static double Size(MetricKind kind, MetricBucket bucket) =>
        (kind == MetricKind.Sum ? bucket.Increase : IsHistogram(kind) ? bucket.Count : bucket.Last) ?? 0;

    /// <summary>One series: its labels and its buckets with data.</summary>
    internal sealed record Series
    {
        public required IReadOnlyDictionary<string, string> Labels { get; init; }

        public required IReadOnlyList<Point> Points { get; init; }
    }

    /// <summary>One bucket: the start of the bucket and the figures of the metric's kind.</summary>
    internal sealed record Point
    {
        public required DateTimeOffset Time { get; init; }

        public double? Increase { get; init; }

        public double? Rate { get; init; }

        public double? Last { get; init; }

        public long? Count { get; init; }

        public double? P50 { get; init; }

        public double? P95 { get; init; }

        public double? P99 { get; init; }

        public static Point Of(MetricKind kind, MetricBucket bucket) => kind switch
        {
            MetricKind.Sum => new Point { Time = bucket.Time, Increase = bucket.Increase, Rate = bucket.Rate },
            _ when IsHistogram(kind) => new Point { Time = bucket.Time, Count = bucket.Count, P50 = bucket.P50, P95 = bucket.P95, P99 = bucket.P99 },
            _ => new Point { Time = bucket.Time, Last = bucket.Last },
        };
    }
}
