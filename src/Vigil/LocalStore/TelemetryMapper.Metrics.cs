using OpenTelemetry.Metrics;
using Vigil.Model;
using StoredPoint = Vigil.Model.MetricPoint;
using StoreTemporality = Vigil.Model.AggregationTemporality;

namespace Vigil.LocalStore;

internal static partial class TelemetryMapper
{
    public static void AddMetricPoints(Metric metric, TelemetryResource resource, List<StoredPoint> points)
    {
        var type = metric.MetricType;
        var isSum = type is MetricType.LongSum or MetricType.DoubleSum or MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic;
        var kind = type switch
        {
            _ when isSum => MetricKind.Sum,
            MetricType.LongGauge or MetricType.DoubleGauge => MetricKind.Gauge,
            MetricType.Histogram => MetricKind.Histogram,
            MetricType.ExponentialHistogram => MetricKind.ExponentialHistogram,
            _ => (MetricKind?)null,
        };
        if (kind is null)
        {
            return;
        }

        var scope = new InstrumentationScopeInfo { Name = metric.MeterName, Version = metric.MeterVersion };
        var temporality = kind == MetricKind.Gauge
            ? StoreTemporality.Unspecified
            : metric.Temporality == OpenTelemetry.Metrics.AggregationTemporality.Delta ? StoreTemporality.Delta : StoreTemporality.Cumulative;

        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new List<KeyValuePair<string, object?>>();
            foreach (var tag in point.Tags)
            {
                tags.Add(tag);
            }

            var series = new MetricSeriesInfo
            {
                Name = metric.Name,
                Description = metric.Description,
                Unit = metric.Unit,
                Kind = kind.Value,
                Temporality = temporality,
                IsMonotonic = type is MetricType.LongSum or MetricType.DoubleSum,
                Attributes = tags,
                Scope = scope,
                Resource = resource,
            };

            points.Add(new StoredPoint
            {
                Series = series,
                Timestamp = point.EndTime,
                StartTimestamp = kind == MetricKind.Gauge ? null : point.StartTime,
                Value = type switch
                {
                    MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                    MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                    MetricType.LongGauge => point.GetGaugeLastValueLong(),
                    MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                    _ => null,
                },
                Histogram = type == MetricType.Histogram ? ToHistogram(point) : null,
                ExponentialHistogram = type == MetricType.ExponentialHistogram ? ToExponentialHistogram(point) : null,
                Exemplars = ToExemplars(point, type is MetricType.LongSum or MetricType.LongSumNonMonotonic or MetricType.LongGauge),
            });
        }
    }

    private static HistogramData ToHistogram(in OpenTelemetry.Metrics.MetricPoint point)
    {
        var bounds = new List<double>();
        var counts = new List<long>();
        foreach (var bucket in point.GetHistogramBuckets())
        {
            // OTLP lists the finite bounds only; the last bucket's bound is +Inf.
            if (!double.IsPositiveInfinity(bucket.ExplicitBound))
            {
                bounds.Add(bucket.ExplicitBound);
            }

            counts.Add(bucket.BucketCount);
        }

        var hasMinMax = point.TryGetHistogramMinMaxValues(out var min, out var max);
        return new HistogramData
        {
            Count = point.GetHistogramCount(),
            Sum = point.GetHistogramSum(),
            Min = hasMinMax ? min : null,
            Max = hasMinMax ? max : null,
            ExplicitBounds = bounds,
            BucketCounts = counts,
        };
    }

    private static Model.ExponentialHistogramData ToExponentialHistogram(in OpenTelemetry.Metrics.MetricPoint point)
    {
        var data = point.GetExponentialHistogramData();
        var positive = new List<long>();
        foreach (var count in data.PositiveBuckets)
        {
            positive.Add(count);
        }

        var hasMinMax = point.TryGetHistogramMinMaxValues(out var min, out var max);
        return new Model.ExponentialHistogramData
        {
            Count = point.GetHistogramCount(),
            Sum = point.GetHistogramSum(),
            Min = hasMinMax ? min : null,
            Max = hasMinMax ? max : null,
            Scale = data.Scale,
            ZeroCount = data.ZeroCount,
            PositiveOffset = data.PositiveBuckets.Offset,
            PositiveBucketCounts = positive,
        };
    }
}
