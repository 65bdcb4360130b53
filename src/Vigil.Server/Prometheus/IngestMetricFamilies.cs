using Vigil.Server.Ingest;
using Vigil.Storage.Prometheus;

namespace Vigil.Server.Prometheus;

/// <summary>
/// The server's own figures (<see cref="IIngestStatistics"/>), one family per name in the order given.
/// A counter named without <c>_total</c> gets it: promtool rejects such a counter and OpenMetrics requires it.
/// </summary>
internal static class IngestMetricFamilies
{
    public static IReadOnlyList<ExpositionFamily> Read(IIngestStatistics? statistics)
    {
        if (statistics is null)
        {
            return [];
        }

        return
        [
            .. statistics.Snapshot()
                .GroupBy(f => f.Type == "counter" && !f.Name.EndsWith("_total", StringComparison.Ordinal) ? f.Name + "_total" : f.Name, StringComparer.Ordinal)
                .Select(g => new ExpositionFamily(
                    g.Key,
                    g.First().Type,
                    g.First().Help,
                    [.. g.Select(f => new ExpositionSample(string.Empty, PrometheusNames.LabelSet(f.Labels, isSummary: false), f.Value))])),
        ];
    }
}
