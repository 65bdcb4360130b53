namespace Vigil.Api.Contracts.V1;

/// <summary>One series of a metric query.</summary>
public sealed record ApiMetricSeries
{
    /// <summary>The attributes the series is grouped by.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The buckets, by time.</summary>
    public IReadOnlyList<ApiMetricBucket> Buckets { get; init; } = [];
}
