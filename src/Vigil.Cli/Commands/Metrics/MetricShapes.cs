using Vigil.Api.Contracts.V1;
using Vigil.Cli.Remote;
using Vigil.Model;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>Works out a metric's <see cref="MetricShape"/> and display name.</summary>
internal static class MetricShapes
{
    /// <summary>
    /// The shape of a query result. The result does not say whether a sum is monotonic, but the
    /// store fills <see cref="MetricBucket.Rate"/> only for counters, so the buckets tell.
    /// </summary>
    public static MetricShape Of(MetricQueryResult result) => result.Kind switch
    {
        MetricKind.Sum when result.Series.Any(s => s.Buckets.Any(b => b.Rate is not null || b.Increase is not null)) => MetricShape.Counter,
        MetricKind.Sum or MetricKind.Gauge or null => MetricShape.Gauge,
        _ => MetricShape.Distribution,
    };

    /// <summary>The kind as users know it from the .NET Meter API.</summary>
    public static string DisplayName(MetricKind kind, MetricShape? shape = null) => kind switch
    {
        MetricKind.Sum when shape == MetricShape.Counter => "counter",
        MetricKind.Sum when shape == MetricShape.Gauge => "updowncounter",
        // Otherwise the query API's name for the kind, so `--json` and the API agree.
        _ => ApiEnumNames.Of(kind.ToApi()),
    };

    /// <summary>A series' kind as users know it: a sum is a <c>counter</c> when monotonic, an <c>updowncounter</c> otherwise.</summary>
    public static string DisplayName(MetricSeriesInfo series) =>
        DisplayName(series.Kind, series.Kind != MetricKind.Sum ? null : series.IsMonotonic ? MetricShape.Counter : MetricShape.Gauge);

    /// <summary>The value columns shown for a shape, in order.</summary>
    public static IReadOnlyList<MetricColumn> Columns(MetricShape shape) => shape switch
    {
        MetricShape.Counter => [new("rate", "per second", b => b.Rate), new("increase", null, b => b.Increase)],
        MetricShape.Gauge => [new("last", null, b => b.Last), new("avg", null, b => b.Average)],
        _ => [new("count", null, b => b.Count), new("p50", null, b => b.P50), new("p95", null, b => b.P95), new("p99", null, b => b.P99)],
    };
}
