using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>Each series' newest point as the contract's type.</summary>
internal static partial class ApiMap
{
    public static ApiMetricPoint ToApi(this MetricPoint point) => new()
    {
        Name = point.Series.Name,
        Kind = (ApiMetricKind)point.Series.Kind,
        Unit = point.Series.Unit,
        Description = point.Series.Description,
        Temporality = (ApiAggregationTemporality)point.Series.Temporality,
        Monotonic = point.Series.IsMonotonic,
        Attributes = ApiAttributes.From(point.Series.Attributes),
        Scope = point.Series.Scope.ToApi(),
        Resource = point.Series.Resource.ToApi(),
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
            ? new() { Count = s.Count, Sum = s.Sum, Quantiles = [.. s.Quantiles.Select(q => new ApiSummaryQuantile { Quantile = q.Quantile, Value = q.Value })] }
            : null,
    };
}
