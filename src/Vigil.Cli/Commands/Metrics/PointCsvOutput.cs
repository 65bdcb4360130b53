using System.Globalization;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// Each series' latest point as CSV, laid out as <see cref="SeriesCsvOutput"/>: <c>metric,kind,unit,time</c>, one
/// column per label key (of every series), then <c>value,count,sum,min,max,buckets,quantiles</c>. <c>buckets</c> is
/// the cumulative count per upper bound (<c>0.1:3;0.5:7;+Inf:9</c>, as Prometheus' <c>le</c>; an exponential
/// histogram's by their bounds), <c>quantiles</c> a summary's (<c>0.5:12;0.99:40</c>).
/// </summary>
internal static class PointCsvOutput
{
    /// <summary>Writes <paramref name="points"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<MetricPoint> points)
    {
        var labels = points.Select(p => MetricGroupLabels.WithService(p.Series)).ToList();
        var keys = labels.SelectMany(l => l.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Csv.WriteRow(output, ["metric", "kind", "unit", "time", .. keys, "value", "count", "sum", "min", "max", "buckets", "quantiles"]);
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var (count, sum, min, max) = Figures(point);
            Csv.WriteRow(output,
            [
                point.Series.Name, MetricShapes.DisplayName(point.Series), point.Series.Unit ?? string.Empty,
                point.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                .. keys.Select(k => labels[i].TryGetValue(k, out var v) ? v : string.Empty),
                Exact(point.Value), count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Exact(sum), Exact(min), Exact(max),
                Buckets(point), point.Summary is { } s ? string.Join(';', s.Quantiles.Select(q => $"{NumberFormatter.Exact(q.Quantile)}:{NumberFormatter.Exact(q.Value)}")) : string.Empty,
            ]);
        }

        output.Flush();
    }

    private static (long? Count, double? Sum, double? Min, double? Max) Figures(MetricPoint point) => point switch
    {
        { Histogram: { } h } => (h.Count, h.Sum, h.Min, h.Max),
        { ExponentialHistogram: { } e } => (e.Count, e.Sum, e.Min, e.Max),
        { Summary: { } s } => (s.Count, s.Sum, null, null),
        _ => (null, null, null, null),
    };

    private static string Buckets(MetricPoint point)
    {
        var (bounds, counts) = point switch
        {
            { Histogram: { } h } => (h.ExplicitBounds, h.BucketCounts),
            { ExponentialHistogram: { } e } => ExponentialCounts.From(e).ToExplicit(),
            _ => ((IReadOnlyList<double>)[], (IReadOnlyList<long>)[]),
        };
        if (counts.Count == 0)
        {
            return string.Empty;
        }

        long cumulative = 0;
        var cells = new List<string>(counts.Count);
        for (var i = 0; i < counts.Count; i++)
        {
            cumulative += counts[i];
            cells.Add($"{(i < bounds.Count ? NumberFormatter.Exact(bounds[i]) : "+Inf")}:{cumulative.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(';', cells);
    }

    private static string Exact(double? value) => value is { } v ? NumberFormatter.Exact(v) : string.Empty;
}
