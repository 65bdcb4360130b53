using Vigil.Model;

namespace Vigil.Storage.Tests.Query;

/// <summary>Percentile interpolation checked against a second implementation's published answers.</summary>
public sealed class HistogramPercentilesTests
{
    [Fact]
    public void Explicit_ClickHouseQuantilePrometheusHistogramExample_SameMedian()
    {
        // ClickHouse's quantilePrometheusHistogram, which follows PromQL's histogram_quantile on a classic
        // histogram, documents cumulative buckets (0: 6), (0.5: 11), (1: 14), (+Inf: 19) and the median 0.35
        // (https://clickhouse.com/docs/sql-reference/aggregate-functions/reference/quantilePrometheusHistogram).
        var median = HistogramPercentiles.Explicit(0.5, [0, 0.5, 1], [6, 5, 3, 5]);

        Assert.Equal(0.35, median!.Value, 12);
    }

    [Fact]
    public void Explicit_RankInTheInfBucket_HighestFiniteBound()
    {
        // histogram_quantile: "if the quantile falls into the highest bucket, the upper bound of the second highest bucket is returned".
        Assert.Equal(1, HistogramPercentiles.Explicit(0.99, [0, 0.5, 1], [6, 5, 3, 5]));
    }

    [Fact]
    public void Exponential_Scale0_BucketsAreTheOpenTelemetryPowersOfTwo()
    {
        // OpenTelemetry: at scale 0 bucket index i covers (2^i, 2^(i+1)]. Ten values in (2, 4] and ten in
        // (4, 8]: the median is the top of (2, 4], the 75th percentile half-way through (4, 8].
        var counts = ExponentialCounts.From(new ExponentialHistogramData { Scale = 0, PositiveOffset = 1, PositiveBucketCounts = [10, 10] });

        Assert.Equal(4, counts.Percentile(0.5)!.Value, 12);
        Assert.Equal(6, counts.Percentile(0.75)!.Value, 12);
    }
}
