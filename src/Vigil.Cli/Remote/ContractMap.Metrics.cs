using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Cli.Remote;

/// <summary>Metric lists and query results back as the model's records.</summary>
internal static partial class ContractMap
{
    public static MetricSummary ToModel(this ApiMetricSummary metric) => new()
    {
        Name = metric.Name,
        Kind = (MetricKind)metric.Kind,
        Unit = metric.Unit,
        Description = metric.Description,
        SeriesCount = metric.SeriesCount,
        Reading = metric.Reading,
        ReadingKind = metric.ReadingKind,
        LatestValue = metric.LatestValue,
        LatestTime = metric.LatestTime,
    };

    public static MetricQueryResult ToModel(this ApiMetricQueryResult result) => new()
    {
        Name = result.Name,
        Kind = (MetricKind?)result.Kind,
        Unit = result.Unit,
        Step = result.Step,
        Series = [.. result.Series.Select(s => new MetricResultSeries { Labels = s.Labels, Buckets = [.. s.Buckets.Select(ToModel)] })],
    };

    public static ApiMetricKind ToApi(this MetricKind kind) => (ApiMetricKind)kind;

    private static MetricBucket ToModel(ApiMetricBucket bucket) => new()
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
