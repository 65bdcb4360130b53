using Vigil.Model;
using Vigil.Model.Prometheus;
using Vigil.Server.Prometheus;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// Each series' latest point in the text exposition format 0.0.4, by the server's own naming and writer
/// (<see cref="LatestPointFamilies"/>, <see cref="ExpositionWriter"/>): what <c>promtool check metrics</c> checks.
/// </summary>
internal static class PointPrometheusOutput
{
    /// <summary>Writes <paramref name="points"/>; returns how many were left out (a delta sum or histogram, a name or label set taken).</summary>
    public static int Write(TextWriter output, IReadOnlyList<MetricPoint> points)
    {
        var (families, leftOut) = LatestPointFamilies.Build(points);
        output.Write(ExpositionWriter.Write(families, openMetrics: false));
        output.Flush();
        return leftOut;
    }
}
