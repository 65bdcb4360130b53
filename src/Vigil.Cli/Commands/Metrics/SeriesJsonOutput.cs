using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>A metric's series as JSON lines: one object per group and bucket, with the values its kind has.</summary>
internal static class SeriesJsonOutput
{
    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(TextWriter output, MetricQueryResult result, MetricShape shape)
    {
        var lines = new JsonLines(output);
        var kind = MetricShapes.DisplayName(result.Kind ?? MetricKind.Gauge, shape);
        foreach (var series in result.Series)
        {
            foreach (var bucket in series.Buckets)
            {
                lines.Write(json =>
                {
                    json.WriteString("metric", result.Name);
                    json.WriteString("kind", kind);
                    json.WriteString("unit", result.Unit);
                    json.WriteStartObject("labels");
                    foreach (var label in series.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                    {
                        json.WriteString(label.Key, label.Value);
                    }

                    json.WriteEndObject();
                    json.WriteString("time", bucket.Time);
                    json.WriteNumber("stepSeconds", result.Step.TotalSeconds);
                    foreach (var column in MetricShapes.Columns(shape))
                    {
                        json.WritePropertyName(column.Name);
                        JsonAttributes.WriteReading(json, column.Read(bucket));
                    }
                });
            }
        }

        lines.Flush();
    }
}
