using System.Text.Json;

namespace Vigil.Storage.Internal;

/// <summary>
/// The parts of a metric point that do not fit a column (bucket bounds and counts, quantiles),
/// stored as the JSON of the contract's own data record.
/// </summary>
internal static class PointDataJson
{
    public static string? Serialize(MetricPoint point) => point switch
    {
        { Histogram: { } h } => JsonSerializer.Serialize(h),
        { ExponentialHistogram: { } e } => JsonSerializer.Serialize(e),
        { Summary: { } s } => JsonSerializer.Serialize(s),
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
            MetricKind.Histogram => point with { Histogram = JsonSerializer.Deserialize<HistogramData>(data) },
            MetricKind.ExponentialHistogram => point with { ExponentialHistogram = JsonSerializer.Deserialize<ExponentialHistogramData>(data) },
            MetricKind.Summary => point with { Summary = JsonSerializer.Deserialize<SummaryData>(data) },
            _ => point,
        };
    }
}
