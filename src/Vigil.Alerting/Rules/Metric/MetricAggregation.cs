using Vigil.Model;

namespace Vigil.Alerting.Rules.Metric;

/// <summary>
/// Which number of a window's <see cref="MetricBucket"/> a metric rule compares. A histogram has no increase of its
/// own: its count of observations stands for it, so <c>rate</c> of a histogram is observations per second, and
/// <c>avg</c> its sum over its count.
/// </summary>
internal static class MetricAggregation
{
    /// <summary>Every name, as written in the configuration.</summary>
    public static IReadOnlyList<string> Names { get; } = ["rate", "increase", "avg", "min", "max", "last", "p50", "p90", "p95", "p99"];

    /// <summary>What messages say is allowed.</summary>
    public static string Allowed { get; } = string.Join(", ", Names);

    public static bool TryParse(string? text, out string name)
    {
        name = Names.FirstOrDefault(n => string.Equals(n, text?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return name.Length > 0;
    }

    /// <summary>The value of <paramref name="aggregation"/> in a bucket; null when the bucket has none (no data is not zero).</summary>
    public static double? ValueOf(string aggregation, MetricBucket bucket, TimeSpan window) => aggregation switch
    {
        "rate" => bucket.Rate ?? (bucket.Increase is null && bucket.Count is { } count ? count / window.TotalSeconds : null),
        "increase" => bucket.Increase ?? bucket.Count,
        "avg" => bucket.Average ?? (bucket.Sum is { } sum && bucket.Count is { } n && n > 0 ? sum / n : null),
        "min" => bucket.Minimum,
        "max" => bucket.Maximum,
        "last" => bucket.Last,
        "p50" => bucket.P50,
        "p90" => bucket.P90,
        "p95" => bucket.P95,
        "p99" => bucket.P99,
        _ => null,
    };
}
