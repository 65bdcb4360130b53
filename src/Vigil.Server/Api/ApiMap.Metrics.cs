using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>Metric lists and query results as the contract's types.</summary>
internal static partial class ApiMap
{
    public static ApiMetricSummary ToApi(this MetricSummary metric) => new()
    {
        Name = metric.Name,
        Kind = (ApiMetricKind)metric.Kind,
        Unit = metric.Unit,
        Description = metric.Description,
        SeriesCount = metric.SeriesCount,
        Reading = metric.Reading,
        ReadingKind = metric.ReadingKind,
        LatestValue = metric.LatestValue,
        LatestTime = metric.LatestTime,
    };

    public static ApiMetricQueryResult ToApi(this MetricQueryResult result) => new()
    {
        Name = result.Name,
        Kind = (ApiMetricKind?)result.Kind,
        Unit = result.Unit,
        Step = result.Step,
        Series = [.. result.Series.Select(s => new ApiMetricSeries { Labels = s.Labels, Buckets = [.. s.Buckets.Select(ToApi)] })],
    };

    private static ApiMetricBucket ToApi(MetricBucket bucket) => new()
    {
        Time = bucket.Time,
        Increase = bucket.Increase,
        Rate = bucket.Rate,
        Last = bucket.Last,
        Average = bucket.Average,
        Count = bucket.Count,
        Sum = bucket.Sum,
        BucketBounds = bucket.BucketBounds,
        BucketCounts = bucket.BucketCounts,
        P50 = bucket.P50,
        P90 = bucket.P90,
        P95 = bucket.P95,
        P99 = bucket.P99,
        Minimum = bucket.Minimum,
        Maximum = bucket.Maximum,
    };
}
