using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Cli.Remote;

/// <summary>Each series' newest point back as the model's record.</summary>
internal static partial class ContractMap
{
    public static MetricPoint ToModel(this ApiMetricPoint point) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = point.Name,
            Kind = (MetricKind)point.Kind,
            Unit = point.Unit,
            Description = point.Description,
            Temporality = (AggregationTemporality)point.Temporality,
            IsMonotonic = point.Monotonic,
            Attributes = ContractAttributes.ToModel(point.Attributes),
            Scope = point.Scope.ToModel(),
            Resource = point.Resource.ToModel(),
        },
        Timestamp = point.Timestamp,
        StartTimestamp = point.StartTimestamp,
        Value = point.Value,
        Histogram = point.Histogram is { } h
            ? new() { Count = h.Count, Sum = h.Sum, Min = h.Min, Max = h.Max, ExplicitBounds = h.ExplicitBounds, BucketCounts = h.BucketCounts }
            : null,
        ExponentialHistogram = point.ExponentialHistogram is { } e
            ? new()
            {
                Count = e.Count, Sum = e.Sum, Min = e.Min, Max = e.Max, Scale = e.Scale, ZeroCount = e.ZeroCount, ZeroThreshold = e.ZeroThreshold,
                PositiveOffset = e.PositiveOffset, PositiveBucketCounts = e.PositiveBucketCounts,
                NegativeOffset = e.NegativeOffset, NegativeBucketCounts = e.NegativeBucketCounts,
            }
            : null,
        Summary = point.Summary is { } s
            ? new() { Count = s.Count, Sum = s.Sum, Quantiles = [.. s.Quantiles.Select(q => new SummaryQuantile(q.Quantile, q.Value))] }
            : null,
    };
}
