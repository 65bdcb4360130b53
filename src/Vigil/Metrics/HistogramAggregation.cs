using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Vigil.Metrics;

/// <summary>
/// Chooses each histogram's buckets. OpenTelemetry's default explicit bounds (0, 5, 10, 25 … 10 000)
/// are meant for milliseconds: a histogram in seconds or bytes then puts nearly every value into one
/// bucket and every percentile is wrong. Base-2 exponential buckets keep a bounded relative error
/// whatever the unit, so they are Vigil's default. Bounds a user configures
/// (<c>Metrics:HistogramBuckets</c>) come first, and bounds a library advises (ASP.NET Core's and
/// HttpClient's duration histograms do) are kept: both were chosen for that instrument.
/// </summary>
internal static class HistogramAggregation
{
    /// <summary>The view for <paramref name="instrument"/>, or null to leave it to OpenTelemetry's defaults and advice.</summary>
    public static MetricStreamConfiguration? For(Instrument instrument, MetricsOptions options)
    {
        if (options.HistogramBuckets.TryGetValue(instrument.Name, out var bounds))
        {
            return new ExplicitBucketHistogramConfiguration { Boundaries = bounds };
        }

        return IsHistogram(instrument) && !HasAdvisedBounds(instrument) ? new Base2ExponentialBucketHistogramConfiguration() : null;
    }

    private static bool IsHistogram(Instrument instrument) =>
        instrument.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Histogram<>);

    private static bool HasAdvisedBounds(Instrument instrument) => instrument switch
    {
        Instrument<double> d => d.Advice?.HistogramBucketBoundaries is not null,
        Instrument<float> f => f.Advice?.HistogramBucketBoundaries is not null,
        Instrument<long> l => l.Advice?.HistogramBucketBoundaries is not null,
        Instrument<int> i => i.Advice?.HistogramBucketBoundaries is not null,
        Instrument<short> s => s.Advice?.HistogramBucketBoundaries is not null,
        Instrument<byte> b => b.Advice?.HistogramBucketBoundaries is not null,
        _ => false,
    };
}
