using Vigil.Model.Prometheus;
using Vigil.Server.Ingest;

namespace Vigil.Server.Prometheus;

/// <summary>
/// The server's own figures (<see cref="IIngestStatistics"/>), one family per name in the order given.
/// A counter named without <c>_total</c> gets it: promtool rejects such a counter and OpenMetrics requires it.
/// A histogram's figures are named with their sample suffix (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>) and
/// make one family under the name without it.
/// </summary>
internal static class IngestMetricFamilies
{
    private static readonly string[] s_histogramSuffixes = ["_bucket", "_sum", "_count"];

    public static IReadOnlyList<ExpositionFamily> Read(IIngestStatistics? statistics)
    {
        if (statistics is null)
        {
            return [];
        }

        return
        [
            .. statistics.Snapshot()
                .GroupBy(FamilyName, StringComparer.Ordinal)
                .Select(g => new ExpositionFamily(
                    g.Key,
                    g.First().Type,
                    g.First().Help,
                    [.. g.Select(f => new ExpositionSample(f.Name.Length > g.Key.Length ? f.Name[g.Key.Length..] : string.Empty, Labels(f), f.Value))])),
        ];
    }

    private static string Labels(IngestFigure figure) => figure.UpperBound is { } bound
        ? PrometheusNames.WithLabel(PrometheusNames.LabelSet(figure.Labels), "le", PrometheusNames.Value(bound))
        : PrometheusNames.LabelSet(figure.Labels);

    private static string FamilyName(IngestFigure figure) => figure switch
    {
        { Type: "counter" } when !figure.Name.EndsWith("_total", StringComparison.Ordinal) => figure.Name + "_total",
        { Type: "histogram" } => s_histogramSuffixes.FirstOrDefault(x => figure.Name.EndsWith(x, StringComparison.Ordinal)) is { } suffix ? figure.Name[..^suffix.Length] : figure.Name,
        _ => figure.Name,
    };
}
