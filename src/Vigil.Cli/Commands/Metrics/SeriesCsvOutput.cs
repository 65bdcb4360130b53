using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>A metric's series as CSV: time, one column per label key, then the values its kind has.</summary>
internal static class SeriesCsvOutput
{
    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(TextWriter output, MetricQueryResult result, MetricShape shape)
    {
        var keys = result.Series.SelectMany(s => s.Labels.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var columns = MetricShapes.Columns(shape);
        Csv.WriteRow(output, ["time", .. keys, .. columns.Select(c => c.Name)]);
        foreach (var series in result.Series)
        {
            foreach (var bucket in series.Buckets)
            {
                Csv.WriteRow(output,
                [
                    bucket.Time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    .. keys.Select(k => series.Labels.TryGetValue(k, out var v) ? v : string.Empty),
                    .. columns.Select(c => c.Read(bucket) is { } value ? NumberFormatter.Exact(value) : string.Empty),
                ]);
            }
        }

        output.Flush();
    }
}
