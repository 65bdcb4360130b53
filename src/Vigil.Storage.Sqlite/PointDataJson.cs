using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// The parts of a metric point that do not fit a column (bucket bounds and counts, quantiles),
/// stored as the JSON of the contract's own data record.
/// </summary>
internal static class PointDataJson
{
    // NaN and ±Inf are ordinary values here (a Prometheus summary with no observations has NaN quantiles), and
    // plain JSON numbers cannot hold them: they are written as the strings "NaN", "Infinity" and "-Infinity".
    // Finite values stay numbers, so rows written before this read back unchanged.
    private static readonly JsonSerializerOptions s_options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string? Serialize(MetricPoint point) => point switch
    {
        { Histogram: { } h } => JsonSerializer.Serialize(h, s_options),
        { ExponentialHistogram: { } e } => JsonSerializer.Serialize(e, s_options),
        { Summary: { } s } => JsonSerializer.Serialize(s, s_options),
        _ => null,
    };

    public static MetricPoint Deserialize(MetricSeriesInfo series, long time, long? start, double? value, string? data)
    {
        var point = new MetricPoint
        {
            Series = series,
            Timestamp = UnixTime.FromNanoseconds(time),
            StartTimestamp = start is { } s ? UnixTime.FromNanoseconds(s) : null,
            Value = value,
        };
        if (data is null)
        {
            return point;
        }

        return series.Kind switch
        {
            MetricKind.Histogram => point with { Histogram = JsonSerializer.Deserialize<HistogramData>(data, s_options) },
            MetricKind.ExponentialHistogram => point with { ExponentialHistogram = JsonSerializer.Deserialize<ExponentialHistogramData>(data, s_options) },
            MetricKind.Summary => point with { Summary = JsonSerializer.Deserialize<SummaryData>(data, s_options) },
            _ => point,
        };
    }
}
