namespace Vigil.Model;

/// <summary>One group of a metric query result.</summary>
public sealed record MetricResultSeries
{
    /// <summary>The labels of the group: the group-by keys, or the whole attribute set.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>One bucket per step of the range that has data, in time order.</summary>
    public IReadOnlyList<MetricBucket> Buckets { get; init; } = [];
}
