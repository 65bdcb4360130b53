using System.Text;
using Vigil.Metrics.Influx;
using Vigil.Model;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>Each series' latest point as InfluxDB line protocol, by the SDK's own encoder (<see cref="InfluxLineEncoder"/>, schema in docs/dialects.md).</summary>
internal static class PointInfluxOutput
{
    /// <summary>Writes <paramref name="points"/>; returns how many had no field line protocol can carry (only NaN or infinite values).</summary>
    public static int Write(TextWriter output, IReadOnlyList<MetricPoint> points)
    {
        var text = new StringBuilder();
        var leftOut = 0;
        foreach (var point in points)
        {
            if (!InfluxLineEncoder.TryAppend(text, point))
            {
                leftOut++;
            }
        }

        output.Write(text);
        output.Flush();
        return leftOut;
    }
}
