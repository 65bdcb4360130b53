using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// Each series' latest point as JSON lines: <c>metric</c>, <c>kind</c>, <c>unit</c>, <c>description</c>,
/// <c>temporality</c>, <c>labels</c> (as <c>vigil metrics NAME --json</c> has them, with <c>service.name</c>),
/// <c>time</c>, <c>startTime</c>, then the point's data as stored: a sum's or gauge's <c>value</c>; a histogram's
/// <c>count</c>, <c>sum</c>, <c>min</c>, <c>max</c>, <c>bucketBounds</c> and <c>bucketCounts</c> (each bucket's own
/// count, as the query API has them); an exponential histogram's scale, zero count and bucket counts; a summary's
/// <c>count</c>, <c>sum</c> and <c>quantiles</c>.
/// </summary>
internal static class PointJsonOutput
{
    /// <summary>Writes <paramref name="points"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<MetricPoint> points)
    {
        var lines = new JsonLines(output);
        foreach (var point in points)
        {
            lines.Write(json =>
            {
                var series = point.Series;
                json.WriteString("metric", series.Name);
                json.WriteString("kind", MetricShapes.DisplayName(series));
                json.WriteString("unit", series.Unit);
                json.WriteString("description", series.Description);
                json.WriteString("temporality", series.Temporality.ToString().ToLowerInvariant());
                json.WriteStartObject("labels");
                foreach (var (key, value) in MetricGroupLabels.WithService(series))
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
                json.WriteString("time", point.Timestamp);
                if (point.StartTimestamp is { } start)
                {
                    json.WriteString("startTime", start);
                }
                else
                {
                    json.WriteNull("startTime");
                }

                WriteData(json, point);
            });
        }

        lines.Flush();
    }

    private static void WriteData(Utf8JsonWriter json, MetricPoint point)
    {
        switch (point)
        {
            case { Histogram: { } h }:
                WriteCounts(json, h.Count, h.Sum, h.Min, h.Max);
                WriteArray(json, "bucketBounds", h.ExplicitBounds);
                WriteArray(json, "bucketCounts", h.BucketCounts);
                break;
            case { ExponentialHistogram: { } e }:
                WriteCounts(json, e.Count, e.Sum, e.Min, e.Max);
                json.WriteNumber("scale", e.Scale);
                json.WriteNumber("zeroCount", e.ZeroCount);
                Number(json, "zeroThreshold", e.ZeroThreshold);
                json.WriteNumber("positiveOffset", e.PositiveOffset);
                WriteArray(json, "positiveBucketCounts", e.PositiveBucketCounts);
                json.WriteNumber("negativeOffset", e.NegativeOffset);
                WriteArray(json, "negativeBucketCounts", e.NegativeBucketCounts);
                break;
            case { Summary: { } s }:
                json.WriteNumber("count", s.Count);
                Number(json, "sum", s.Sum);
                json.WriteStartObject("quantiles");
                foreach (var quantile in s.Quantiles)
                {
                    json.WritePropertyName(quantile.Quantile.ToString("R", CultureInfo.InvariantCulture));
                    JsonAttributes.WriteReading(json, quantile.Value);
                }

                json.WriteEndObject();
                break;
            default:
                Number(json, "value", point.Value);
                break;
        }
    }

    private static void WriteCounts(Utf8JsonWriter json, long count, double? sum, double? min, double? max)
    {
        json.WriteNumber("count", count);
        Number(json, "sum", sum);
        Number(json, "min", min);
        Number(json, "max", max);
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        JsonAttributes.WriteReading(json, value);
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            JsonAttributes.WriteReading(json, value);
        }

        json.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
