namespace Vigil.Model;

/// <summary>
/// One data point of a metric series. Exactly one of <see cref="Value"/>, <see cref="Histogram"/>,
/// <see cref="ExponentialHistogram"/> or <see cref="Summary"/> is set, matching the series kind.
/// </summary>
public sealed record MetricPoint
{
    /// <summary>The series the point belongs to.</summary>
    public MetricSeriesInfo Series { get; init; } = new();

    /// <summary>When the point was recorded (the end of its interval).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The start of the point's interval (cumulative: when the series started counting).</summary>
    public DateTimeOffset? StartTimestamp { get; init; }

    /// <summary>The value of a sum or gauge point.</summary>
    public double? Value { get; init; }

    /// <summary>The data of a histogram point.</summary>
    public HistogramData? Histogram { get; init; }

    /// <summary>The data of an exponential histogram point.</summary>
    public ExponentialHistogramData? ExponentialHistogram { get; init; }

    /// <summary>The data of a summary point.</summary>
    public SummaryData? Summary { get; init; }

    /// <summary>
    /// Values the point was made from, with the spans they were recorded in; at most
    /// <see cref="MetricExemplar.MaxPerPoint"/>. Empty for most points.
    /// </summary>
    public IReadOnlyList<MetricExemplar> Exemplars { get; init; } = [];
}
